/**
 * `http.Server`: binds nothing. `listen()` marks the server as the one that receives the
 * simulated browser's requests, runs its callback on the next tick and reports the port, so a
 * lesson's `app.listen(3000, () => console.log(…))` behaves as it does on Node.
 */
import { EventEmitter } from 'events'
import { nextTick } from './timers'
import { emitEvent } from '../event-sink'
import type { IncomingMessage } from './http-incoming'
import type { ServerResponse } from './http-outgoing'

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

let listeningServer: Server | undefined

/** The server that called listen() last, if any: where requests go. */
export function currentListeningServer(): Server | undefined {
  return listeningServer
}

export class Server extends EventEmitter {
  listening = false
  timeout = 0
  keepAliveTimeout = 5000
  headersTimeout = 60000
  requestTimeout = 300000
  maxHeadersCount: number | null = null
  private port = '3000'

  constructor(optionsOrListener?: unknown, listener?: unknown) {
    super()
    const requestListener = typeof optionsOrListener === 'function' ? optionsOrListener : listener
    if (typeof requestListener === 'function')
      this.on('request', requestListener as RequestListener)
  }

  listen(...args: unknown[]): this {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined
    const first = args[0]
    const port =
      first && typeof first === 'object' && 'port' in first
        ? (first as { port: unknown }).port
        : first
    this.port = port === undefined || port === null ? '0' : String(port)
    if (typeof callback === 'function') this.once('listening', callback as () => void)
    this.listening = true
    listeningServer = this
    emitEvent({ kind: 'listen', port: this.port })
    nextTick(() => this.emit('listening'))
    return this
  }

  address(): { address: string; family: string; port: number } | null {
    if (!this.listening) return null
    return { address: '::', family: 'IPv6', port: Number(this.port) || 3000 }
  }

  close(callback?: (error?: Error) => void): this {
    const wasListening = this.listening
    this.listening = false
    if (listeningServer === this) listeningServer = undefined
    nextTick(() => {
      if (wasListening) this.emit('close')
      callback?.(
        wasListening
          ? undefined
          : Object.assign(new Error('Server is not running.'), { code: 'ERR_SERVER_NOT_RUNNING' }),
      )
    })
    return this
  }

  closeAllConnections(): void {}
  closeIdleConnections(): void {}
  setTimeout(): this {
    return this
  }
  ref(): this {
    return this
  }
  unref(): this {
    return this
  }
}

export function createServer(optionsOrListener?: unknown, listener?: unknown): Server {
  return new Server(optionsOrListener, listener)
}
