/**
 * The entry of the server realm bundle (see vite.realm.config.ts). Its exports are the
 * RealmInstance a host gets from `createRealm(host)`: load server code, hand it requests, and
 * look at its session stores.
 */
import { loadCommonJs } from './commonjs-loader'
import { codeFrame } from './describe-error'
import { onCrash, isCrashed, runGuarded, describeError, reportUnhandledRejection } from './crash'
import { markRequestFinished, markRequestStarted, runInRequest } from './request-context'
import { IncomingMessage, SimSocket } from './node-compat/http-incoming'
import { ServerResponse } from './node-compat/http-outgoing'
import { currentListeningServer } from './node-compat/http-server'
import { disposeTimers } from './node-compat/timers'
import process from './node-compat/process'
import { storeHandles } from './instrument/store-spy'
import { emitEvent } from './event-sink'
import type {
  HeaderPair,
  LoadResult,
  RealmState,
  SimRequest,
  SimResponse,
  StoreHandle,
} from './realm-types'

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

let exportedApp: RequestHandler | undefined
let loaded = false
const pending = new Map<number, (error: Error) => void>()
const sockets = new Map<number, SimSocket>()

function unavailable(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'ServerUnavailableError', code })
}

onCrash((error) => {
  const info = describeError(error)
  const fatal = info.name !== 'ProcessExit'
  emitEvent({ kind: 'uncaught-error', error: info })
  if (fatal) {
    const frame = info.location ? codeFrame(info.location) : undefined
    emitEvent({
      kind: 'console',
      level: 'error',
      text: `${frame ? `${frame}\n` : ''}${info.stack ?? `${info.name}: ${info.message}`}\n\nNode.js ${process.version}`,
    })
  }
  const reason = fatal
    ? `The server crashed: ${info.name}: ${info.message}`
    : `The server stopped: ${info.message}`
  for (const [requestId, reject] of pending) {
    markRequestFinished(requestId)
    reject(unavailable('SERVER_CRASHED', reason))
  }
  pending.clear()
})

export function loadServer(source: string, filename: string): LoadResult {
  if (loaded) throw new Error('a realm runs one server: create a new realm to load again')
  loaded = true
  const outcome = loadCommonJs(source, filename)
  if (!outcome.ok) return outcome
  const exported = outcome.module.exports
  if (typeof exported === 'function') exportedApp = exported as RequestHandler
  if (!exportedApp && !currentListeningServer()) {
    return {
      ok: false,
      error: {
        name: 'Error',
        message: `${filename} neither exports an app (module.exports = app) nor calls app.listen()`,
      },
    }
  }
  return { ok: true }
}

/** A client sends Content-Length with every body; so do we when the caller did not. */
function withContentLength(request: SimRequest): readonly HeaderPair[] {
  const bodyLength =
    request.body === undefined
      ? 0
      : typeof request.body === 'string'
        ? new TextEncoderLite().byteLength(request.body)
        : request.body.length
  const framed = request.headers.some(([name]) =>
    /^(content-length|transfer-encoding)$/i.test(name),
  )
  if (bodyLength === 0 || framed) return request.headers
  return [...request.headers, ['Content-Length', String(bodyLength)]]
}

class TextEncoderLite {
  byteLength(text: string): number {
    return unescape(encodeURIComponent(text)).length
  }
}

export function handle(request: SimRequest, requestId: number): Promise<SimResponse> {
  if (isCrashed()) {
    return Promise.reject(
      unavailable('SERVER_CRASHED', 'The server has crashed: restart it to serve requests again'),
    )
  }
  const server = currentListeningServer()
  const app = server ? undefined : exportedApp
  if (!server && !app) {
    return Promise.reject(
      unavailable('SERVER_NOT_RUNNING', 'No server is running: load server code first'),
    )
  }
  return new Promise<SimResponse>((resolve, reject) => {
    pending.set(requestId, reject)
    markRequestStarted(requestId)
    runInRequest(requestId, () => {
      const socket = new SimSocket({
        secure: request.secure === true,
        remoteAddress: request.remoteAddress ?? '127.0.0.1',
      })
      sockets.set(requestId, socket)
      const req = new IncomingMessage(socket, { ...request, headers: withContentLength(request) })
      const res = new ServerResponse(req, (response) => {
        sockets.delete(requestId)
        if (!pending.delete(requestId)) return
        markRequestFinished(requestId)
        if (response.destroyed) {
          reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
        } else {
          resolve(response.wire)
        }
      })
      runGuarded(() => {
        if (server) server.emit('request', req, res)
        else app?.(req, res)
      })
      runGuarded(() => req.deliverBody())
    })
  })
}

export function abandon(requestId: number): void {
  const socket = sockets.get(requestId)
  sockets.delete(requestId)
  pending.delete(requestId)
  markRequestFinished(requestId)
  runInRequest(requestId, () => runGuarded(() => socket?.destroy()))
}

export function stores(): StoreHandle[] {
  return storeHandles()
}

export function state(): RealmState {
  if (isCrashed()) return 'crashed'
  return loaded ? 'running' : 'empty'
}

export function dispose(): void {
  disposeTimers()
  for (const [requestId, reject] of pending) {
    markRequestFinished(requestId)
    reject(unavailable('SERVER_NOT_RUNNING', 'The server was stopped'))
  }
  pending.clear()
}

export function rejectUnhandled(reason: unknown): void {
  reportUnhandledRejection(reason)
}
