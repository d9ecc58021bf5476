/**
 * The worker glue's first act, before any server code runs: it keeps the channel to the page for
 * itself and takes away what the page-facing worker offers but a Node process lacks.
 *
 * `Function('return this')()` hands server code the worker's real global, so hiding names behind
 * the realm's `globalThis` is not enough: they are removed from the global object and from its
 * prototypes. The sandbox's opaque origin and Content-Security-Policy already make them fail
 * (mocks/sandboxed-server-worker.ts); this is the second wall, and it also keeps server code from
 * talking to the frame that started the worker.
 */

/** Reach the page or the network, or close the worker; none of these exists in Node. */
const REMOVED_GLOBALS = [
  'postMessage',
  'onmessage',
  'onmessageerror',
  'close',
  'importScripts',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'indexedDB',
  'caches',
  'cookieStore',
  'Worker',
  'SharedWorker',
] as const

export interface PageChannel {
  send(message: unknown): void
  onReceive(handler: (data: unknown) => void): void
}

/** Deletes `name` wherever the global's prototype chain defines it (accessors live there). */
function removeEverywhere(global: object, name: string): void {
  for (
    let holder: object | null = global;
    holder && holder !== Object.prototype;
    holder = Object.getPrototypeOf(holder) as object | null
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(holder, name)
    if (!descriptor) continue
    if (descriptor.configurable) Reflect.deleteProperty(holder, name)
    else if (descriptor.writable) Reflect.set(holder, name, undefined)
  }
}

/**
 * Only the site's own files may still be fetched (the Postgres chunk loads PGlite's wasm and data
 * this way); anything else fails as an unreachable network would.
 */
function guardFetch(global: typeof globalThis, allowedBase: string): void {
  const realFetch = global.fetch.bind(global)
  const guarded = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (new URL(url, allowedBase).href.startsWith(allowedBase)) return realFetch(input, init)
    return Promise.reject(new TypeError('fetch failed: the simulated server has no network'))
  }
  removeEverywhere(global, 'fetch')
  Object.defineProperty(global, 'fetch', { value: guarded, writable: false, configurable: false })
}

/**
 * Takes the channel the page sent (the first message's port), then locks the worker down.
 * Everything used to talk to the page is captured first: server code may later replace
 * `MessagePort.prototype.postMessage` or `Reflect.apply`, and the glue must not call its versions.
 */
export function lockDownWorker(port: MessagePort, allowedBase: string): PageChannel {
  const global = globalThis
  const apply = Reflect.apply
  const post = MessagePort.prototype.postMessage
  const start = MessagePort.prototype.start
  let receive: (data: unknown) => void = () => {}
  port.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data))
  apply(start, port, [])
  for (const name of REMOVED_GLOBALS) removeEverywhere(global, name)
  if (typeof global.fetch === 'function') guardFetch(global, allowedBase)
  return {
    send: (message) => apply(post, port, [message]),
    onReceive: (handler) => {
      receive = handler
    },
  }
}

/** Resolves with the page's port, sent once the sandbox frame has created this worker. */
export function awaitPageChannel(): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onConnect = (event: MessageEvent<unknown>) => {
      const port = event.ports[0]
      if (!port) return
      removeEventListener('message', onConnect)
      resolve(port)
    }
    addEventListener('message', onConnect)
  })
}
