/**
 * `http.IncomingMessage` and the socket under it, built from a request the simulated browser
 * sent. Headers are folded exactly as Node folds duplicates, since express-session reads
 * `req.headers.cookie` and a browser may send several `Cookie` lines.
 */
import { EventEmitter } from 'events'
import { Readable } from 'stream'
import { Buffer } from 'buffer'
import type { HeaderPair } from '../realm-types'

/** Node keeps only the first of these when they are repeated (lib/_http_incoming.js). */
const SINGLE_VALUE_HEADERS = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
])

export type IncomingHeaders = Record<string, string | string[] | undefined>

export function foldRequestHeaders(pairs: readonly HeaderPair[]): IncomingHeaders {
  const headers: IncomingHeaders = {}
  for (const [name, value] of pairs) {
    const key = name.toLowerCase()
    const existing = headers[key]
    if (key === 'set-cookie') {
      headers[key] = Array.isArray(existing) ? [...existing, value] : [value]
    } else if (existing === undefined) {
      headers[key] = value
    } else if (!SINGLE_VALUE_HEADERS.has(key)) {
      headers[key] = `${String(existing)}${key === 'cookie' ? '; ' : ', '}${value}`
    }
  }
  return headers
}

/** Enough of net.Socket / tls.TLSSocket for express, on-finished and proxy-addr. */
export class SimSocket extends EventEmitter {
  readonly encrypted: true | undefined
  readonly remoteAddress: string
  readonly remotePort = 54321
  readonly remoteFamily: string
  readonly localAddress = '127.0.0.1'
  readonly localPort = 3000
  readable = true
  writable = true
  destroyed = false

  constructor(options: { secure: boolean; remoteAddress: string }) {
    super()
    this.encrypted = options.secure ? true : undefined
    this.remoteAddress = options.remoteAddress
    this.remoteFamily = options.remoteAddress.includes(':') ? 'IPv6' : 'IPv4'
  }
  address(): { address: string; family: string; port: number } {
    return { address: this.localAddress, family: 'IPv4', port: this.localPort }
  }
  setTimeout(): this {
    return this
  }
  setNoDelay(): this {
    return this
  }
  setKeepAlive(): this {
    return this
  }
  destroy(error?: Error): this {
    if (this.destroyed) return this
    this.destroyed = true
    this.readable = false
    this.writable = false
    if (error) this.emit('error', error)
    this.emit('close', Boolean(error))
    return this
  }
  end(): this {
    return this.destroy()
  }
}

export class IncomingMessage extends Readable {
  readonly socket: SimSocket
  readonly headers: IncomingHeaders
  readonly rawHeaders: string[]
  readonly trailers: Record<string, string> = {}
  readonly rawTrailers: string[] = []
  readonly httpVersion = '1.1'
  readonly httpVersionMajor = 1
  readonly httpVersionMinor = 1
  method: string
  url: string
  complete = false
  aborted = false
  upgrade = false
  statusCode: number | null = null
  statusMessage: string | null = null
  /**
   * The bytes waiting for deliverBody(). A true private field: Node's IncomingMessage has no
   * `body` property, and body-parsers and routes read `req.body` (a TypeScript `private body`
   * would be an ordinary own property that shows up there before any parser ran).
   */
  #pendingBody: Buffer | undefined

  constructor(
    socket: SimSocket,
    request: {
      method: string
      url: string
      headers: readonly HeaderPair[]
      body?: string | Uint8Array | undefined
    },
  ) {
    super()
    this.socket = socket
    this.method = request.method.toUpperCase()
    this.url = request.url
    this.rawHeaders = request.headers.flatMap(([name, value]) => [name, value])
    this.headers = foldRequestHeaders(request.headers)
    const body = request.body
    this.#pendingBody =
      body === undefined || body.length === 0
        ? undefined
        : typeof body === 'string'
          ? Buffer.from(body, 'utf8')
          : Buffer.from(body)
  }

  get connection(): SimSocket {
    return this.socket
  }

  get headersDistinct(): Record<string, string[]> {
    const distinct: Record<string, string[]> = {}
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const key = String(this.rawHeaders[i]).toLowerCase()
      ;(distinct[key] ??= []).push(String(this.rawHeaders[i + 1]))
    }
    return distinct
  }

  /** Called right after the 'request' event, as Node's parser completes the message then. */
  deliverBody(): void {
    this.complete = true
    if (this.#pendingBody) this.push(this.#pendingBody)
    this.#pendingBody = undefined
    this.push(null)
  }

  override _read(): void {}

  setTimeout(): this {
    return this
  }
}
