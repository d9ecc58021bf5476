/**
 * Runs one simulated server: creates a realm, loads the server code into it, hands it
 * requests, and turns what happens into one ordered event stream with per-request
 * explanations. The browser worker and the Node API both drive this same class.
 */
import { VirtualClock } from './virtual-clock'
import { createSharedRedis, type RedisService } from './services/shared-redis'
import { createVirtualTimers, type VirtualTimers } from './virtual-timers'
import { createPostgresService, requiresPostgres, type PostgresService } from './services/postgres'
import { createMongoService, requiresMongo, type MongoService } from './services/mongo'
import { requiresRedis } from './services/requires-redis'
import { notifyListeners } from './listener-errors'
import type { HostPlatform } from './host-platform'
import type {
  ErrorInfo,
  LoadResult,
  RealmEvent,
  RealmHost,
  RealmInstance,
  SessionMiddlewareInfo,
  SimRequest,
  StoreHandle,
} from '../realm/realm-types'
import { explainRequest, explainServerStart } from '../explain/explain-request'
import type { Explanation, RequestOutcome } from '../explain/explanation-types'

/** A store of a running server, with the cluster instance that owns it (none for one server). */
export type HostedStore = StoreHandle & { instance?: number }

/** What an engine reports; events of a cluster's instances also name the `instance`. */
export type EngineEvent = (
  | RealmEvent
  | { kind: 'request-start'; time: number; requestId: number; request: SimRequest }
  | {
      kind: 'request-end'
      time: number
      requestId: number
      outcome: RequestOutcome
      durationMs: number
    }
  | { kind: 'explanations'; time: number; requestId: number; explanations: Explanation[] }
  | { kind: 'server-start'; time: number; filename: string }
  | { kind: 'start-explanations'; time: number; explanations: Explanation[] }
  | { kind: 'load-error'; time: number; filename: string; error: ErrorInfo }
  | { kind: 'server-stop'; time: number; reason: string }
  | { kind: 'clock'; time: number }
) & { instance?: number }

export type EngineListener = (event: EngineEvent) => void

export interface EngineOptions {
  createRealm: (host: RealmHost) => RealmInstance
  platform: HostPlatform
  clock?: VirtualClock
  /** `process.env` of the simulated process; NODE_ENV defaults to "development". */
  env?: Readonly<Record<string, string>>
  /** How long a request may stay unanswered before the client gives up. */
  requestTimeoutMs?: number
  /** The simulated Redis server; pass the same one to engines that share it. */
  redis?: RedisService
  /** The PostgreSQL server (PGlite); pass the same one to engines that share it. */
  postgres?: PostgresService
  /** The MongoDB server (simulated); pass the same one to engines that share it. */
  mongo?: MongoService
  /** Which instance of a cluster this engine is (1-based); its events and results say so. */
  instance?: number
  /** Request ids shared by the instances of a cluster, so that they stay unique. */
  allocateRequestId?: () => number
  firstStoreId?: number
  /**
   * Runs the realm's code as this engine's, so that a rejection nobody handles can be traced
   * back to the server that made it (the Node API's AsyncLocalStorage; see unhandled-rejections.ts).
   */
  runOwned?: <T>(run: () => T) => T
}

export interface RequestResult {
  requestId: number
  /** The instance that served it, behind a load balancer. */
  instance?: number
  outcome: RequestOutcome
  explanations: Explanation[]
}

interface RequestRecord {
  request: SimRequest
  events: RealmEvent[]
}

const DEFAULT_TIMEOUT_MS = 5000

export class Engine {
  readonly clock: VirtualClock
  /** Survives restarts, like a Redis server running beside the Node process; loads only for a server that requires `redis`. */
  readonly redis: RedisService
  /** Survives restarts too; its lazy chunk loads only for a server that requires `pg`. */
  readonly postgres: PostgresService
  /** Survives restarts too; its lazy chunk loads only for a server that requires `mongodb`. */
  readonly mongo: MongoService
  /** The realm's timers, due on real or virtual time, whichever comes first. */
  private readonly timers: VirtualTimers
  private realm: RealmInstance | undefined
  private source = ''
  private filename = 'server.js'
  private currentLoadError: ErrorInfo | undefined
  private middlewares: SessionMiddlewareInfo[] = []
  /** Events outside any request since the last start (deprecations of session() options…). */
  private startupEvents: RealmEvent[] = []
  private startupExplanations: Explanation[] = []
  private collectingStartup = false
  private readonly listeners = new Set<EngineListener>()
  private readonly inFlight = new Map<number, RequestRecord>()
  private nextRequestId = 1
  /** Bumped per realm, so a stopped realm's late events are not mistaken for the new one's. */
  private generation = 0
  private readonly options: EngineOptions

  constructor(options: EngineOptions) {
    this.options = options
    this.clock = options.clock ?? new VirtualClock()
    this.redis = options.redis ?? createSharedRedis(() => this.clock.now())
    this.postgres = options.postgres ?? createPostgresService()
    this.mongo = options.mongo ?? createMongoService(() => this.clock.now())
    this.timers = createVirtualTimers(options.platform, () => this.clock.now())
    this.clock.onChange((time) => {
      this.publish({ kind: 'clock', time })
      this.owned(() => this.timers.clockMoved(time))
    })
  }

  get loadError(): ErrorInfo | undefined {
    return this.currentLoadError
  }

  get serverSource(): string {
    return this.source
  }

  get state(): 'empty' | 'running' | 'crashed' | 'failed' {
    if (this.currentLoadError) return 'failed'
    return this.realm?.state() ?? 'empty'
  }

  subscribe(listener: EngineListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts (or restarts) the server from source: a fresh realm, so a fresh MemoryStore. */
  async start(source: string, filename = 'server.js'): Promise<LoadResult> {
    this.stop('restart')
    this.source = source
    this.filename = filename
    this.middlewares = []
    this.currentLoadError = undefined
    // require() is synchronous: what the server will require from a lazy chunk is loaded now.
    // Each database server is up before the app starts, as it would be in production.
    const services = [
      {
        name: 'PostgreSQL',
        required: requiresPostgres,
        load: async () => {
          await this.postgres.load()
          await this.postgres.ready()
        },
      },
      { name: 'Redis', required: requiresRedis, load: () => this.redis.load() },
      { name: 'MongoDB', required: requiresMongo, load: () => this.mongo.load() },
    ]
    for (const service of services) {
      if (!service.required(source)) continue
      try {
        await service.load()
      } catch (error) {
        return this.failStart(filename, {
          name: 'Error',
          message: `The ${service.name} server of the playground could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        })
      }
    }
    const realm = this.options.createRealm(this.createHost())
    this.realm = realm
    this.startupEvents = []
    this.collectingStartup = true
    const result = this.owned(() => realm.loadServer(source, filename))
    // listen() callbacks and other start-up ticks run before the first request, as in Node.
    await this.nextMacrotask()
    this.collectingStartup = false
    if (!result.ok && result.error.name === 'SyntaxError' && !result.error.location) {
      const { locateSyntaxError } = await import('./locate-syntax-error')
      return this.failStart(filename, await locateSyntaxError(source, filename, result.error))
    }
    if (result.ok) {
      this.publish({ kind: 'server-start', time: this.clock.now(), filename })
      this.startupExplanations = explainServerStart(this.startupEvents)
      this.publish({
        kind: 'start-explanations',
        time: this.clock.now(),
        explanations: this.startupExplanations,
      })
    } else {
      this.currentLoadError = result.error
      this.publish({ kind: 'load-error', time: this.clock.now(), filename, error: result.error })
    }
    return result
  }

  private failStart(filename: string, error: ErrorInfo): LoadResult {
    this.currentLoadError = error
    this.publish({ kind: 'load-error', time: this.clock.now(), filename, error })
    return { ok: false, error }
  }

  private owned<T>(run: () => T): T {
    return this.options.runOwned ? this.options.runOwned(run) : run()
  }

  /** A promise of the running server's was rejected with no handler: Node's rules apply. */
  reportUnhandledRejection(reason: unknown): void {
    this.realm?.rejectUnhandled(reason)
  }

  /** Starts the same source again, as `node server.js` after Ctrl-C would. */
  restart(): Promise<LoadResult> {
    return this.start(this.source, this.filename)
  }

  stop(reason: string): void {
    if (!this.realm) return
    this.realm.dispose()
    this.realm = undefined
    this.publish({ kind: 'server-stop', time: this.clock.now(), reason })
  }

  /** The running server's stores; in a cluster each names the instance it belongs to. */
  stores(): HostedStore[] {
    const handles = this.realm?.stores() ?? []
    const { instance } = this.options
    return instance === undefined ? handles : handles.map((handle) => ({ ...handle, instance }))
  }

  /** What the server's start says about its session options (deprecated defaults…). */
  serverStartExplanations(): readonly Explanation[] {
    return this.startupExplanations
  }

  sessionMiddlewares(): readonly SessionMiddlewareInfo[] {
    return this.middlewares
  }

  async request(request: SimRequest): Promise<RequestResult> {
    const requestId = this.options.allocateRequestId?.() ?? this.nextRequestId++
    const record: RequestRecord = { request, events: [] }
    this.inFlight.set(requestId, record)
    const startedAt = this.clock.now()
    const realStart = monotonicNow()
    this.publish({ kind: 'request-start', time: startedAt, requestId, request })

    const outcome = await this.dispatch(request, requestId)
    // Express logs a route's error one tick after the response; keep listening for that long.
    await this.nextMacrotask()
    this.inFlight.delete(requestId)
    const durationMs = monotonicNow() - realStart
    this.publish({ kind: 'request-end', time: this.clock.now(), requestId, outcome, durationMs })
    const explanations = explainRequest({
      requestId,
      request,
      outcome,
      events: record.events,
      middlewares: this.middlewares,
    })
    this.publish({ kind: 'explanations', time: this.clock.now(), requestId, explanations })
    const { instance } = this.options
    return instance === undefined
      ? { requestId, outcome, explanations }
      : { requestId, instance, outcome, explanations }
  }

  private async dispatch(request: SimRequest, requestId: number): Promise<RequestOutcome> {
    const realm = this.realm
    if (!realm || this.currentLoadError) {
      const message = this.currentLoadError
        ? `The server failed to start: ${this.currentLoadError.message}`
        : 'No server is running'
      return { ok: false, error: { code: 'SERVER_NOT_RUNNING', message } }
    }
    const timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS
    let timer: unknown
    const timeout = new Promise<RequestOutcome>((resolve) => {
      timer = this.options.platform.setTimer(
        () =>
          resolve({
            ok: false,
            error: {
              code: 'SERVER_TIMEOUT',
              message: `The server did not answer within ${timeoutMs / 1000} s: does every route end the response (res.send, res.end, res.redirect) or call next()?`,
            },
          }),
        timeoutMs,
        false,
      )
    })
    const answer = this.owned(() => realm.handle(request, requestId)).then(
      (response): RequestOutcome => ({ ok: true, response }),
      (error: unknown): RequestOutcome => ({
        ok: false,
        error: {
          code: String((error as { code?: unknown }).code ?? 'SERVER_ERROR'),
          message: error instanceof Error ? error.message : String(error),
        },
      }),
    )
    try {
      const outcome = await Promise.race([answer, timeout])
      if (!outcome.ok && outcome.error.code === 'SERVER_TIMEOUT') realm.abandon(requestId)
      return outcome
    } finally {
      this.options.platform.clearTimer(timer)
    }
  }

  private createHost(): RealmHost {
    const { platform } = this.options
    const generation = ++this.generation
    const redisPackages = this.redis.packages()
    const redisClient = this.redis.redisClient()
    const postgresPackages = this.postgres.packages()
    const mongoPackages = this.mongo.packages()
    const lazyPackages =
      redisPackages || postgresPackages || mongoPackages
        ? { ...redisPackages, ...postgresPackages, ...mongoPackages }
        : undefined
    return {
      now: () => this.clock.now(),
      emit: (event) => {
        if (generation === this.generation) this.receive(event)
      },
      scheduleImmediate: platform.scheduleImmediate,
      setTimer: this.timers.setTimer,
      clearTimer: this.timers.clearTimer,
      fillRandom: platform.fillRandom,
      ...(platform.evaluateScript ? { evaluateScript: platform.evaluateScript } : {}),
      redis: this.redis,
      ...(redisClient ? { redisClient } : {}),
      postgres: this.postgres,
      mongo: this.mongo,
      ...(lazyPackages ? { lazyPackages } : {}),
      ...(this.options.firstStoreId === undefined
        ? {}
        : { firstStoreId: this.options.firstStoreId }),
      env: { NODE_ENV: 'development', ...this.options.env },
    }
  }

  private nextMacrotask(): Promise<void> {
    return new Promise<void>((resolve) => this.options.platform.scheduleImmediate(resolve))
  }

  private receive(event: RealmEvent): void {
    if (event.kind === 'session-middleware') this.middlewares.push(event.info)
    if (this.collectingStartup && event.requestId === undefined) this.startupEvents.push(event)
    if (event.requestId !== undefined) this.inFlight.get(event.requestId)?.events.push(event)
    this.publish(event)
  }

  private publish(event: EngineEvent): void {
    const { instance } = this.options
    if (instance !== undefined) event = { ...event, instance }
    notifyListeners(this.listeners, event)
  }
}

function monotonicNow(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance
  return performance ? performance.now() : Date.now()
}
