/**
 * The Node API of the simulated server: runs a server.js in the same realm and engine the
 * browser runs (our http, crypto and timers; not Node's), without a browser. Documented in
 * README.md beside this file; the names exported here are the stable surface.
 */
import { createRejectionRouter, type RejectionOwner } from './unhandled-rejections'
import createRealm from '../../../build/realm/realm.js'
import { Engine, type EngineEvent } from './engine'
import { createHostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'
import type { ErrorInfo, HeaderPair, LoadResult, StoreHandle } from '../realm/realm-types'
import type { RedisService } from './services/shared-redis'
import type { PostgresService } from './services/postgres'
import type { MongoService } from './services/mongo'
import type { Explanation } from '../explain/explanation-types'

export type { EngineEvent, ErrorInfo, Explanation, HeaderPair, LoadResult }

export interface SimServerOptions {
  /** The server code: an ordinary CommonJS Express program. */
  source: string
  /** Name used in stack traces and error locations. Default `server.js`. */
  filename?: string
  /** Virtual time at start (ms since the epoch or a Date). Default: now. */
  startTime?: number | Date
  /** Let virtual time run with real time. Default false: time moves only by `advanceClock`. */
  flowingClock?: boolean
  /** `process.env` of the simulated process. NODE_ENV defaults to `development`. */
  env?: Record<string, string>
  /** How long a request may go unanswered before it fails with SERVER_TIMEOUT. Default 5000. */
  requestTimeoutMs?: number
  /** Receives every event from the start on, including start-up output (listen, deprecations). */
  onEvent?: (event: EngineEvent) => void
  /** Use the simulated Redis of another SimServer, as two app servers share one Redis. */
  shareRedisWith?: SimServer
}

export interface SimRequestInput {
  /** Default `GET`. */
  method?: string
  /** Path and query, e.g. `/login?next=%2F`. */
  path: string
  /** Header pairs in wire order; repeated names stay separate pairs. */
  headers?: ReadonlyArray<readonly [string, string]>
  body?: string | Uint8Array
  /** The request arrives over TLS (https). */
  secure?: boolean
}

export type SimRequestResult =
  | {
      ok: true
      requestId: number
      status: number
      statusMessage: string
      headers: HeaderPair[]
      /** Every Set-Cookie header value, in order. */
      setCookies: string[]
      body: string
      bodyBytes: Uint8Array
      explanations: Explanation[]
    }
  | {
      ok: false
      requestId: number
      /** SERVER_CRASHED, SERVER_NOT_RUNNING, SERVER_TIMEOUT or ECONNRESET. */
      error: { code: string; message: string }
      explanations: Explanation[]
    }

export interface SimStore {
  storeId: number
  /** Constructor name of the store, e.g. `MemoryStore`. */
  kind: string
  /** Raw contents (id → stored session), read without pruning expired entries. */
  entries(): Record<string, unknown> | undefined
  connect(): void
  disconnect(): void
  clear(): void
  delete(sessionId: string): void
  write(sessionId: string, data: unknown): void
}

export interface SimServer {
  request(input: SimRequestInput): Promise<SimRequestResult>
  /** Moves virtual time forward; returns the new time (ms since the epoch). */
  advanceClock(ms: number): number
  now(): number
  stores(): SimStore[]
  /** Starts the server again — from new source if given — with a fresh MemoryStore. */
  restart(source?: string): Promise<LoadResult>
  /** Subscribes to every engine event; returns the unsubscribe function. */
  on(listener: (event: EngineEvent) => void): () => void
  /** Why the last start failed, if it did. */
  readonly loadError: ErrorInfo | undefined
  readonly state: 'empty' | 'running' | 'crashed' | 'failed'
  /** Stops the server's timers. */
  close(): void
}

const decoder = new TextDecoder()

/** Where a SimServer keeps its Redis for shareRedisWith; not part of the documented surface. */
const REDIS = Symbol('session-playground.redis')
const POSTGRES = Symbol('session-playground.postgres')
const MONGO = Symbol('session-playground.mongo')
type WithRedis = {
  [REDIS]?: RedisService
  [POSTGRES]?: PostgresService
  [MONGO]?: MongoService
}

function toSimStore(handle: StoreHandle): SimStore {
  return {
    storeId: handle.storeId,
    kind: handle.kind,
    entries: () => handle.entries(),
    connect: () => handle.emitStatus('connect'),
    disconnect: () => handle.emitStatus('disconnect'),
    clear: () => handle.clear(),
    delete: (sessionId) => handle.remove(sessionId),
    write: (sessionId, data) => handle.write(sessionId, data),
  }
}

/** Server code runs in this process: its unhandled rejections crash its server, not the host. */
const rejections = createRejectionRouter()

export async function createSimServer(options: SimServerOptions): Promise<SimServer> {
  const startMs =
    options.startTime instanceof Date ? options.startTime.getTime() : options.startTime
  const clock = new VirtualClock({
    ...(startMs === undefined ? {} : { startMs }),
    flowing: options.flowingClock ?? false,
  })
  const owner: RejectionOwner = {
    reportUnhandledRejection: (reason) => engine.reportUnhandledRejection(reason),
  }
  const engine: Engine = new Engine({
    runOwned: (run) => rejections.runOwned(owner, run),
    createRealm,
    platform: createHostPlatform(),
    clock,
    ...(options.env ? { env: options.env } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    // Two app servers share their database servers: Redis, and Postgres and MongoDB with it.
    ...(options.shareRedisWith
      ? {
          redis: (options.shareRedisWith as WithRedis)[REDIS],
          postgres: (options.shareRedisWith as WithRedis)[POSTGRES],
          mongo: (options.shareRedisWith as WithRedis)[MONGO],
        }
      : {}),
  })
  const filename = options.filename ?? 'server.js'
  if (options.onEvent) engine.subscribe(options.onEvent)
  const stopWatching = rejections.watch(owner)
  await engine.start(options.source, filename)

  const server: SimServer & WithRedis = {
    async request(input) {
      const result = await engine.request({
        method: input.method ?? 'GET',
        url: input.path,
        headers: input.headers ?? [],
        ...(input.body === undefined ? {} : { body: input.body }),
        secure: input.secure ?? false,
      })
      const { requestId, outcome, explanations } = result
      if (!outcome.ok) return { ok: false, requestId, error: outcome.error, explanations }
      const { response } = outcome
      return {
        ok: true,
        requestId,
        status: response.status,
        statusMessage: response.statusMessage,
        headers: response.headers,
        setCookies: response.headers
          .filter(([name]) => name.toLowerCase() === 'set-cookie')
          .map(([, value]) => value),
        body: decoder.decode(response.body),
        bodyBytes: response.body,
        explanations,
      }
    },
    advanceClock: (ms) => clock.advance(ms),
    now: () => clock.now(),
    stores: () => engine.stores().map(toSimStore),
    restart: (source) => {
      if (source === undefined) return engine.restart()
      return engine.start(source, filename)
    },
    on: (listener) => engine.subscribe(listener),
    get loadError() {
      return engine.loadError
    },
    get state() {
      return engine.state
    },
    close: () => {
      engine.stop('closed')
      stopWatching()
    },
    [REDIS]: engine.redis,
    [POSTGRES]: engine.postgres,
    [MONGO]: engine.mongo,
  }
  return server
}
