/**
 * Several instances of one server behind a round-robin load balancer, as when an app runs on
 * two machines: each instance is its own engine (its own realm, its own MemoryStore), while
 * the clock and the simulated Redis server are shared — which is what lets a Redis store keep
 * a session whichever instance serves the request.
 */
import {
  Engine,
  type EngineListener,
  type EngineOptions,
  type HostedStore,
  type RequestResult,
} from './engine'
import { VirtualClock } from './virtual-clock'
import { createSharedRedis, type RedisService } from './services/shared-redis'
import { createPostgresService, type PostgresService } from './services/postgres'
import { createMongoService, type MongoService } from './services/mongo'
import type { ErrorInfo, LoadResult, SimRequest } from '../realm/realm-types'

/** Store ids of instance n start at n × STORE_ID_SPAN + 1, so they stay unique in the cluster. */
const STORE_ID_SPAN = 100

export class Cluster {
  readonly clock: VirtualClock
  readonly redis: RedisService
  readonly postgres: PostgresService
  readonly mongo: MongoService
  readonly engines: Engine[]
  private nextInstance = 0

  constructor(options: EngineOptions & { instances: number }) {
    if (!Number.isInteger(options.instances) || options.instances < 1) {
      throw new RangeError(`a cluster needs at least one instance: ${options.instances}`)
    }
    this.clock = options.clock ?? new VirtualClock()
    this.redis = options.redis ?? createSharedRedis(() => this.clock.now())
    this.postgres = options.postgres ?? createPostgresService()
    this.mongo = options.mongo ?? createMongoService(() => this.clock.now())
    let nextRequestId = 1
    const single = options.instances === 1
    this.engines = Array.from(
      { length: options.instances },
      (_, index) =>
        new Engine({
          ...options,
          clock: this.clock,
          redis: this.redis,
          postgres: this.postgres,
          mongo: this.mongo,
          ...(single
            ? {}
            : {
                instance: index + 1,
                allocateRequestId: () => nextRequestId++,
                firstStoreId: (index + 1) * STORE_ID_SPAN + 1,
              }),
        }),
    )
  }

  get instances(): number {
    return this.engines.length
  }

  get loadError(): ErrorInfo | undefined {
    return this.engines.find((engine) => engine.loadError)?.loadError
  }

  subscribe(listener: EngineListener): () => void {
    const unsubscribes = this.engines.map((engine) => engine.subscribe(listener))
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
  }

  async start(source: string, filename?: string): Promise<LoadResult> {
    this.nextInstance = 0
    const results = await Promise.all(this.engines.map((engine) => engine.start(source, filename)))
    return results.find((result) => !result.ok) ?? { ok: true }
  }

  async restart(): Promise<LoadResult> {
    this.nextInstance = 0
    const results = await Promise.all(this.engines.map((engine) => engine.restart()))
    return results.find((result) => !result.ok) ?? { ok: true }
  }

  /** Round robin: request n goes to instance n mod N, as a simple load balancer does. */
  request(request: SimRequest): Promise<RequestResult> {
    const engine = this.engines[this.nextInstance % this.engines.length] as Engine
    this.nextInstance++
    return engine.request(request)
  }

  stores(): HostedStore[] {
    return this.engines.flatMap((engine) => engine.stores())
  }

  stop(reason: string): void {
    for (const engine of this.engines) engine.stop(reason)
  }

  /**
   * A rejection nobody handled, from code that cannot be told apart by instance (a worker has no
   * async context to trace it): every instance runs the same server.js, so each one gets it.
   */
  reportUnhandledRejection(reason: unknown): void {
    for (const engine of this.engines) engine.reportUnhandledRejection(reason)
  }
}
