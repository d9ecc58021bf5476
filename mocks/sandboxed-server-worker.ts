/**
 * Starts the server worker where server code can reach nothing but its own simulated world: a
 * dedicated worker created by an `<iframe sandbox="allow-scripts">` (no `allow-same-origin`, so
 * an opaque origin with no storage, cookies or service worker of the app's), under a
 * Content-Security-Policy that lets it load the site's own scripts and nothing else. The browser
 * enforces both; mocks/server/README.md explains the choice.
 *
 * The page and the worker talk over a MessageChannel whose port the worker's glue keeps out of
 * server code's reach (host/worker.ts). Removing the frame ends the worker, endless loop or not.
 */
import type { PageToWorker, WorkerLike, WorkerToPage } from './server'

/** What the worker glue needs from its origin: its modules, PGlite's wasm and data files. */
function contentSecurityPolicy(scriptBase: string): string {
  return [
    "default-src 'none'",
    // The frame's own bootstrap is inline; the worker runs server code as a blob: script of its
    // own (host/script-evaluation.ts), the realm checks its syntax with Function, and PGlite
    // compiles WebAssembly.
    `script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob: ${scriptBase}`,
    `connect-src ${scriptBase}`,
    'worker-src blob:',
  ].join('; ')
}

/**
 * What the blob worker runs. A classic worker: Chromium will not start a module worker from an
 * opaque origin's blob. It imports the real worker module by its URL (with CORS), so stack frames
 * name the real asset, and hands it the page's port once its listener exists.
 */
const WORKER_BOOTSTRAP = `
const early = []
const keep = (event) => early.push(event)
addEventListener('message', keep)
import(WORKER_URL).then(
  () => {
    removeEventListener('message', keep)
    for (const event of early)
      dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }))
  },
  (error) => setTimeout(() => { throw error }),
)
`

/** The frame's whole program. A blob worker inherits the frame's policy and opaque origin. */
const FRAME_SCRIPT = `
addEventListener('message', (event) => {
  const data = event.data
  if (event.source !== parent || !data || data.type !== 'start-server-worker') return
  const source = 'const WORKER_URL = ' + JSON.stringify(data.workerUrl) + ';' + ${JSON.stringify(WORKER_BOOTSTRAP)}
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  const worker = new Worker(url, { name: 'simulated server' })
  worker.addEventListener('error', (error) => {
    parent.postMessage({ type: 'server-worker-error', message: error.message || '' }, '*')
  })
  worker.postMessage({ type: 'connect' }, [event.ports[0]])
})
addEventListener('message', (event) => {
  if (event.source === parent && event.data && event.data.type === 'ping')
    parent.postMessage({ type: 'pong', id: event.data.id }, '*')
})
parent.postMessage({ type: 'sandbox-ready' }, '*')
`

function frameDocument(scriptBase: string): string {
  const policy = contentSecurityPolicy(scriptBase).replaceAll('"', '&quot;')
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${FRAME_SCRIPT}</script>`
}

/** The origin and folder the worker's modules load from: the whole origin in development. */
function scriptBaseOf(workerUrl: URL): string {
  if (import.meta.env.DEV) return workerUrl.origin
  return new URL('./', workerUrl).href
}

/** How often the page asks an idle frame whether its process still runs. */
const HEARTBEAT_MS = 2000
const PONG_WAIT_MS = 1500
/** A page busy for a moment can read its own timer before the frame's answer: one miss is not death. */
const MISSES_BEFORE_EXIT = 2

/**
 * `isProcessAlive` asks the frame's own thread, which a stuck worker does not block. Where the
 * browser gives sandboxed frames a process of their own (Chromium), a worker that runs out of
 * memory takes only that process down, and the frame stops answering: a heartbeat notices that
 * even when no call waits, and reports it through `onprocessexit`.
 */
export function startSandboxedWorker(workerUrl: string): WorkerLike {
  const absoluteUrl = new URL(workerUrl, document.baseURI)
  const frame = document.createElement('iframe')
  frame.setAttribute('sandbox', 'allow-scripts')
  frame.hidden = true
  frame.tabIndex = -1
  frame.setAttribute('aria-hidden', 'true')
  frame.title = 'Simulated server (sandbox)'
  frame.srcdoc = frameDocument(scriptBaseOf(absoluteUrl))

  const channel = new MessageChannel()
  const pongs = new Map<number, () => void>()
  let nextPing = 1
  let terminated = false
  let heartbeat: ReturnType<typeof setInterval> | undefined

  function frameAnswers(timeoutMs: number): Promise<boolean> {
    if (terminated || !frame.contentWindow) return Promise.resolve(false)
    const id = nextPing++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pongs.delete(id)
        resolve(false)
      }, timeoutMs)
      pongs.set(id, () => {
        clearTimeout(timer)
        resolve(true)
      })
      frame.contentWindow?.postMessage({ type: 'ping', id }, '*')
    })
  }

  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onprocessexit: null,
    postMessage(message: PageToWorker) {
      channel.port1.postMessage(message)
    },
    terminate() {
      if (terminated) return
      terminated = true
      clearInterval(heartbeat)
      removeEventListener('message', fromFrame)
      channel.port1.close()
      frame.remove()
    },
    isProcessAlive: frameAnswers,
  }

  channel.port1.onmessage = (event: MessageEvent<WorkerToPage>) => worker.onmessage?.(event)

  function listenForHeartbeat(): void {
    if (heartbeat !== undefined) return
    let misses = 0
    let waiting = false
    heartbeat = setInterval(() => {
      if (waiting) return
      waiting = true
      void frameAnswers(PONG_WAIT_MS).then((alive) => {
        waiting = false
        if (terminated) return
        misses = alive ? 0 : misses + 1
        if (misses < MISSES_BEFORE_EXIT) return
        clearInterval(heartbeat)
        worker.onprocessexit?.()
      })
    }, HEARTBEAT_MS)
  }

  function fromFrame(event: MessageEvent<unknown>): void {
    if (event.source !== frame.contentWindow || typeof event.data !== 'object' || !event.data)
      return
    const data = event.data as { type?: unknown; message?: unknown; id?: unknown }
    if (data.type === 'sandbox-ready') {
      listenForHeartbeat()
      frame.contentWindow?.postMessage(
        { type: 'start-server-worker', workerUrl: absoluteUrl.href },
        '*',
        [channel.port2],
      )
    } else if (data.type === 'server-worker-error') {
      const detail = typeof data.message === 'string' && data.message ? `: ${data.message}` : ''
      worker.onerror?.({ message: `the server worker could not start${detail}` })
    } else if (data.type === 'pong' && typeof data.id === 'number') {
      pongs.get(data.id)?.()
      pongs.delete(data.id)
    }
  }
  addEventListener('message', fromFrame)
  document.body.append(frame)
  return worker
}

/**
 * The same worker started straight from the page, without the sandbox frame: only a build made
 * for the benchmark uses it (VITE_SERVER_WORKER_FRAME=none), to measure what the frame costs a
 * round trip. Server code in it could reach the page's origin.
 */
export function startUnsandboxedWorker(workerUrl: string): WorkerLike {
  const absoluteUrl = new URL(workerUrl, document.baseURI).href
  const source = `const WORKER_URL = ${JSON.stringify(absoluteUrl)};${WORKER_BOOTSTRAP}`
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  const real = new Worker(url, { name: 'simulated server' })
  const channel = new MessageChannel()
  real.postMessage({ type: 'connect' }, [channel.port2])
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onprocessexit: null,
    postMessage: (message: PageToWorker) => channel.port1.postMessage(message),
    terminate() {
      real.terminate()
      channel.port1.close()
      URL.revokeObjectURL(url)
    },
    isProcessAlive: () => Promise.resolve(true),
  }
  channel.port1.onmessage = (event: MessageEvent<WorkerToPage>) => worker.onmessage?.(event)
  real.onerror = (event) =>
    worker.onerror?.({ message: event.message || 'the server worker could not start' })
  return worker
}
