/**
 * `http.ServerResponse`, with the header/status/write/end behaviour the packages we run depend
 * on (lib/_http_outgoing.js and lib/_http_server.js in Node 24):
 * - `writeHead` is looked up on the instance, because on-headers (used by express-session to add
 *   its Set-Cookie at the last moment) replaces it; implicit headers go through it too.
 * - `_header` / `headersSent` flip when the head is written; setting headers after that throws
 *   ERR_HTTP_HEADERS_SENT like Node.
 * - `end(chunk)` before the head fixes Content-Length; writes before it mean chunked encoding.
 * - HEAD, 204 and 304 responses carry no body; 'finish' and 'close' come asynchronously.
 */
import { EventEmitter } from 'events'
import { Buffer } from 'buffer'
import { nextTick, setImmediate } from './timers'
import { invalidArgType, nodeError } from './node-errors'
import { validateHeaderName, validateHeaderValue } from './http-validate'
import { STATUS_CODES } from './http-constants'
import type { IncomingMessage, SimSocket } from './http-incoming'
import type { HeaderPair } from '../realm-types'

type HeaderValue = string | number | readonly string[]
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/

function validateHeader(name: string, value: unknown): void {
  validateHeaderName(name)
  for (const item of Array.isArray(value) ? value : [value]) validateHeaderValue(name, item)
}

function toBytes(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as 'utf8')
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  throw invalidArgType(
    'chunk',
    'of type string or an instance of Buffer, TypedArray, or DataView',
    chunk,
  )
}

/**
 * Whether the client lets the connection live on after this response: HTTP/1.1 keeps it unless a
 * `Connection` header lists the `close` token (any case, any of repeated headers), as llhttp
 * decides it for Node's server.
 */
function clientKeepsAlive(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (String(rawHeaders[i]).toLowerCase() !== 'connection') continue
    const tokens = String(rawHeaders[i + 1]).split(',')
    if (tokens.some((token) => token.trim().toLowerCase() === 'close')) return false
  }
  return true
}

/** Formats Date headers from the virtual clock, like Node's utcDate(). */
function httpDate(): string {
  return new Date().toUTCString()
}

export class ServerResponse extends EventEmitter {
  statusCode = 200
  statusMessage: string | undefined = undefined
  sendDate = true
  finished = false
  chunkedEncoding = false
  useChunkedEncodingByDefault = true
  /** Node's name; false when the request said `Connection: close`. */
  shouldKeepAlive: boolean
  /** The serialized head once written; express-session and finalhandler test it directly. */
  _header: string | null = null
  _headerSent = false
  readonly req: IncomingMessage
  private readonly outHeaders = new Map<string, [name: string, value: HeaderValue]>()
  private readonly chunks: Buffer[] = []
  private contentLength: number | undefined
  private readonly hasBody: boolean
  private finishEmitted = false
  private destroyedFlag = false
  /** The head as wire pairs, captured when it was written. */
  private wireHeaders: HeaderPair[] = []
  private readonly onComplete: (response: ServerResponse) => void

  constructor(req: IncomingMessage, onComplete: (response: ServerResponse) => void) {
    super()
    this.req = req
    this.hasBody = req.method !== 'HEAD'
    this.shouldKeepAlive = clientKeepsAlive(req.rawHeaders)
    this.onComplete = onComplete
    // A socket destroyed before end() (finalhandler does it when an error follows res.write)
    // takes the unfinished response with it: the client sees a reset connection, as on Node.
    // After end() the bytes were already flushed, so the response completes normally.
    req.socket.once('close', () => {
      if (!this.finished) this.destroy()
    })
  }

  get socket(): SimSocket {
    return this.req.socket
  }
  get connection(): SimSocket {
    return this.req.socket
  }
  get headersSent(): boolean {
    return this._header !== null
  }
  get writableEnded(): boolean {
    return this.finished
  }
  get writableFinished(): boolean {
    return this.finishEmitted
  }
  get writable(): boolean {
    return !this.finished && !this.destroyedFlag
  }
  get destroyed(): boolean {
    return this.destroyedFlag
  }

  setHeader(name: string, value: HeaderValue): this {
    if (this._header) {
      throw nodeError(
        'ERR_HTTP_HEADERS_SENT',
        'Cannot set headers after they are sent to the client',
      )
    }
    validateHeader(name, value)
    this.outHeaders.set(name.toLowerCase(), [name, value])
    return this
  }

  appendHeader(name: string, value: HeaderValue): this {
    // Checked before the lookup: Node says "append" even for a header that was never set.
    if (this._header) {
      throw nodeError(
        'ERR_HTTP_HEADERS_SENT',
        'Cannot append headers after they are sent to the client',
      )
    }
    const existing = this.outHeaders.get(name.toLowerCase())
    if (!existing) return this.setHeader(name, value)
    validateHeader(name, value)
    const merged = ([] as string[]).concat(
      existing[1] as string | string[],
      (Array.isArray(value) ? value : [value]).map(String),
    )
    this.outHeaders.set(name.toLowerCase(), [existing[0], merged.map(String)])
    return this
  }

  setHeaders(headers: Iterable<[string, HeaderValue]>): this {
    for (const [name, value] of headers) this.setHeader(name, value)
    return this
  }

  getHeader(name: string): HeaderValue | undefined {
    return this.outHeaders.get(String(name).toLowerCase())?.[1]
  }

  getHeaders(): Record<string, HeaderValue> {
    const headers: Record<string, HeaderValue> = Object.create(null)
    for (const [key, [, value]] of this.outHeaders) headers[key] = value
    return headers
  }

  getHeaderNames(): string[] {
    return [...this.outHeaders.keys()]
  }

  getRawHeaderNames(): string[] {
    return [...this.outHeaders.values()].map(([name]) => name)
  }

  hasHeader(name: string): boolean {
    return this.outHeaders.has(String(name).toLowerCase())
  }

  removeHeader(name: string): void {
    if (this._header) {
      throw nodeError(
        'ERR_HTTP_HEADERS_SENT',
        'Cannot remove headers after they are sent to the client',
      )
    }
    this.outHeaders.delete(String(name).toLowerCase())
  }

  writeHead(statusCode: number, reason?: unknown, headers?: unknown): this {
    if (this._header) {
      throw nodeError(
        'ERR_HTTP_HEADERS_SENT',
        'Cannot write headers after they are sent to the client',
      )
    }
    const original = statusCode
    const code = Number(statusCode) | 0
    if (code < 100 || code > 999) {
      throw nodeError(
        'ERR_HTTP_INVALID_STATUS_CODE',
        `Invalid status code: ${String(original)}`,
        RangeError,
      )
    }
    if (typeof reason === 'string') {
      this.statusMessage = reason
    } else {
      this.statusMessage ||= STATUS_CODES[code] ?? 'unknown'
      headers ??= reason
    }
    this.statusCode = code
    if (Array.isArray(headers)) {
      const flat = Array.isArray(headers[0]) ? (headers as unknown[][]).flat() : headers
      for (let i = 0; i < flat.length; i += 2)
        this.appendHeader(String(flat[i]), flat[i + 1] as string)
    } else if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) {
        if (name) this.setHeader(name, value as HeaderValue)
      }
    }
    if (INVALID_HEADER_CHAR.test(this.statusMessage ?? '')) {
      throw nodeError('ERR_INVALID_CHAR', 'Invalid character in statusMessage', TypeError)
    }
    this.storeHeader()
    return this
  }

  /** Node's name for "write the head with what we have"; express-session calls it directly. */
  _implicitHeader(): void {
    this.writeHead(this.statusCode)
  }

  flushHeaders(): void {
    if (!this._header) this._implicitHeader()
  }

  private storeHeader(): void {
    const pairs: HeaderPair[] = []
    for (const [name, value] of this.outHeaders.values()) {
      if (Array.isArray(value)) for (const item of value) pairs.push([name, String(item)])
      else pairs.push([name, String(value)])
    }
    const has = (key: string) => this.outHeaders.has(key)
    if (this.sendDate && !has('date')) pairs.push(['Date', httpDate()])
    const bodyless =
      this.statusCode === 204 ||
      this.statusCode === 304 ||
      (this.statusCode >= 100 && this.statusCode < 200)
    if (!has('connection') && this.shouldKeepAlive) {
      pairs.push(['Connection', 'keep-alive'])
      pairs.push(['Keep-Alive', 'timeout=5'])
    } else if (!has('connection')) {
      pairs.push(['Connection', 'close'])
    }
    if (!bodyless && !has('content-length') && !has('transfer-encoding')) {
      if (!this.hasBody) {
        // A HEAD response announces nothing it does not send.
      } else if (this.contentLength !== undefined) {
        pairs.push(['Content-Length', String(this.contentLength)])
      } else {
        pairs.push(['Transfer-Encoding', 'chunked'])
        this.chunkedEncoding = true
      }
    }
    this.wireHeaders = pairs
    this._header = `HTTP/1.1 ${this.statusCode} ${this.statusMessage ?? ''}\r\n${pairs
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`
    this._headerSent = true
  }

  private get bodyAllowed(): boolean {
    return this.hasBody && this.statusCode !== 204 && this.statusCode !== 304
  }

  write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (typeof encoding === 'function') {
      callback = encoding
      encoding = undefined
    }
    if (chunk === null) {
      throw nodeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError)
    }
    if (this.finished) {
      this.failAfterEnd(callback)
      return true
    }
    const bytes = toBytes(chunk, encoding)
    if (!this._header) this._implicitHeader()
    if (this.bodyAllowed && bytes.length > 0) this.chunks.push(bytes)
    if (typeof callback === 'function') nextTick(callback as () => void)
    return true
  }

  end(chunk?: unknown, encoding?: unknown, callback?: unknown): this {
    if (typeof chunk === 'function') {
      callback = chunk
      chunk = undefined
    } else if (typeof encoding === 'function') {
      callback = encoding
      encoding = undefined
    }
    if (chunk !== undefined && chunk !== null && (typeof chunk !== 'string' || chunk.length > 0)) {
      if (this.finished) {
        this.failAfterEnd(callback)
        return this
      }
      const bytes = toBytes(chunk, encoding)
      if (!this._header) this.contentLength = bytes.length
      this.write(bytes)
    } else if (this.finished) {
      if (typeof callback === 'function') {
        const error = nodeError(
          'ERR_STREAM_ALREADY_FINISHED',
          'Cannot call end after a stream was finished',
        )
        nextTick(() => (callback as (error: Error) => void)(error))
      }
      return this
    } else if (!this._header) {
      this.contentLength = 0
      this._implicitHeader()
    }
    if (typeof callback === 'function') this.once('finish', callback as () => void)
    this.finished = true
    setImmediate(() => this.completeResponse())
    return this
  }

  private completeResponse(): void {
    if (this.destroyedFlag) return
    this.onComplete(this)
    this.finishEmitted = true
    this.emit('prefinish')
    this.emit('finish')
    this.emit('close')
    this.req.emit('close')
  }

  private failAfterEnd(callback: unknown): void {
    const error = nodeError('ERR_STREAM_WRITE_AFTER_END', 'write after end')
    nextTick(() => {
      if (typeof callback === 'function') (callback as (error: Error) => void)(error)
      this.emit('error', error)
    })
  }

  destroy(error?: Error): this {
    if (this.destroyedFlag) return this
    this.destroyedFlag = true
    this.socket.destroy(error)
    this.onComplete(this)
    this.emit('close')
    return this
  }

  setTimeout(): this {
    return this
  }
  cork(): void {}
  uncork(): void {}
  addTrailers(): void {}
  assignSocket(): void {}
  detachSocket(): void {}
  writeContinue(): void {}
  writeProcessing(): void {}

  /** The response as the client receives it. */
  get wire(): { status: number; statusMessage: string; headers: HeaderPair[]; body: Uint8Array } {
    return {
      status: this.statusCode,
      statusMessage: this.statusMessage ?? STATUS_CODES[this.statusCode] ?? '',
      headers: this.wireHeaders,
      body: Buffer.concat(this.chunks),
    }
  }
}

export { ServerResponse as OutgoingMessage }
