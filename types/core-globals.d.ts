// Globals that both hosts of the pure core provide: Node 24 (specs, the Node API) and a browser
// Web Worker (the playground). Only tsconfig.core.json includes this file; tsconfig.json gets the
// full DOM and @types/node instead. Anything that exists in one host only (`window`, `document`,
// `self`, `process`, `Buffer`, `require`, `setImmediate`) is deliberately absent, so using it in
// the core fails type-checking. Add a global here only after checking that both hosts have it,
// with the subset of its API the core uses.

/** Opaque: a number in browsers, a `Timeout` object in Node. Keep it only to clear it. */
interface CoreTimerHandle {
  readonly __coreTimerHandle: never
}

declare function setTimeout(
  handler: (...args: never[]) => void,
  delayMs?: number,
  ...args: unknown[]
): CoreTimerHandle
declare function clearTimeout(handle: CoreTimerHandle | undefined): void
declare function setInterval(
  handler: (...args: never[]) => void,
  delayMs?: number,
  ...args: unknown[]
): CoreTimerHandle
declare function clearInterval(handle: CoreTimerHandle | undefined): void
declare function queueMicrotask(callback: () => void): void
declare function structuredClone<T>(value: T): T

interface Console {
  assert(condition?: boolean, ...data: unknown[]): void
  debug(...data: unknown[]): void
  dir(item?: unknown, options?: unknown): void
  error(...data: unknown[]): void
  group(...data: unknown[]): void
  groupCollapsed(...data: unknown[]): void
  groupEnd(): void
  info(...data: unknown[]): void
  log(...data: unknown[]): void
  table(tabularData?: unknown, properties?: string[]): void
  trace(...data: unknown[]): void
  warn(...data: unknown[]): void
}
declare var console: Console

interface Performance {
  readonly timeOrigin: number
  now(): number
}
declare var performance: Performance

interface Crypto {
  getRandomValues<T extends ArrayBufferView>(array: T): T
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`
}
declare var crypto: Crypto

interface TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array<ArrayBuffer>
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number }
}
declare var TextEncoder: {
  prototype: TextEncoder
  new (): TextEncoder
}

interface TextDecoder {
  readonly encoding: string
  readonly fatal: boolean
  readonly ignoreBOM: boolean
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string
}
declare var TextDecoder: {
  prototype: TextDecoder
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder
}

interface URLSearchParams {
  readonly size: number
  append(name: string, value: string): void
  delete(name: string, value?: string): void
  get(name: string): string | null
  getAll(name: string): string[]
  has(name: string, value?: string): boolean
  set(name: string, value: string): void
  sort(): void
  toString(): string
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  [Symbol.iterator](): IterableIterator<[string, string]>
}
declare var URLSearchParams: {
  prototype: URLSearchParams
  new (
    init?: string | URLSearchParams | Record<string, string> | Iterable<readonly [string, string]>,
  ): URLSearchParams
}

interface URL {
  hash: string
  host: string
  hostname: string
  href: string
  readonly origin: string
  password: string
  pathname: string
  port: string
  protocol: string
  search: string
  readonly searchParams: URLSearchParams
  username: string
  toString(): string
  toJSON(): string
}
declare var URL: {
  prototype: URL
  new (url: string | URL, base?: string | URL): URL
  canParse(url: string | URL, base?: string | URL): boolean
  parse(url: string | URL, base?: string | URL): URL | null
}

interface MessageEventLike {
  readonly data: unknown
}
interface MessagePort {
  onmessage: ((event: MessageEventLike) => void) | null
  postMessage(message: unknown): void
  start(): void
  close(): void
}
declare var MessageChannel: {
  prototype: { readonly port1: MessagePort; readonly port2: MessagePort }
  new (): { readonly port1: MessagePort; readonly port2: MessagePort }
}

// fetch and its classes, which the simulated browsers (mocks/client) use in both hosts. Streams,
// Blob, FormData and AbortSignal are left out until the core needs them.
type HeadersInit = Headers | Record<string, string> | Iterable<readonly [string, string]>
type BodyInit = string | ArrayBuffer | ArrayBufferView | URLSearchParams

interface Headers {
  append(name: string, value: string): void
  delete(name: string): void
  get(name: string): string | null
  getSetCookie(): string[]
  has(name: string): boolean
  set(name: string, value: string): void
  forEach(callback: (value: string, key: string, parent: Headers) => void): void
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  [Symbol.iterator](): IterableIterator<[string, string]>
}
declare var Headers: {
  prototype: Headers
  new (init?: HeadersInit): Headers
}

interface Body {
  readonly bodyUsed: boolean
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array<ArrayBuffer>>
  json(): Promise<unknown>
  text(): Promise<string>
}

interface RequestInit {
  body?: BodyInit | null
  headers?: HeadersInit
  method?: string
  redirect?: 'error' | 'follow' | 'manual'
}
interface Request extends Body {
  readonly headers: Headers
  readonly method: string
  readonly redirect: 'error' | 'follow' | 'manual'
  readonly url: string
  clone(): Request
}
declare var Request: {
  prototype: Request
  new (input: string | URL | Request, init?: RequestInit): Request
}

interface ResponseInit {
  headers?: HeadersInit
  status?: number
  statusText?: string
}
interface Response extends Body {
  readonly headers: Headers
  readonly ok: boolean
  readonly redirected: boolean
  readonly status: number
  readonly statusText: string
  readonly url: string
  clone(): Response
}
declare var Response: {
  prototype: Response
  new (body?: BodyInit | null, init?: ResponseInit): Response
  json(data: unknown, init?: ResponseInit): Response
  redirect(url: string | URL, status?: number): Response
}

declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
