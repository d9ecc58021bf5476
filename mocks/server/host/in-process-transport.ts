/** Runs the server in the caller's own thread: Node tests, and browsers without workers. */
import { Cluster } from './cluster'
import type { EngineListener, EngineOptions } from './engine'
import type { ServerTransport, StartOptions } from './server-transport'
import { applyStoreCommand, createStoreChangeTracker, snapshotStores } from './store-commands'

export interface InProcessTransport extends ServerTransport {
  /** The host saw a rejection nobody handled; it belongs to this transport's server. */
  reportUnhandledRejection(reason: unknown): void
}

export function createInProcessTransport(options: EngineOptions): InProcessTransport {
  const listeners = new Set<EngineListener>()
  const forward: EngineListener = (event) => listeners.forEach((listener) => listener(event))
  let cluster = new Cluster({ ...options, instances: 1 })
  let unsubscribe = cluster.subscribe(forward)
  const storeChanges = createStoreChangeTracker()

  /** A different number of instances is a different deployment, on the same clock and Redis. */
  function deploy(instances: number): Cluster {
    if (instances === cluster.instances) return cluster
    cluster.stop('redeploy')
    unsubscribe()
    cluster = new Cluster({
      ...options,
      clock: cluster.clock,
      redis: cluster.redis,
      postgres: cluster.postgres,
      mongo: cluster.mongo,
      instances,
    })
    unsubscribe = cluster.subscribe(forward)
    return cluster
  }

  return {
    start: (source, filename, startOptions?: StartOptions) => {
      const deployed = deploy(startOptions?.instances ?? 1)
      if (startOptions?.freshRedis) {
        deployed.redis.flushAll()
        deployed.mongo.reset()
      }
      const fresh = startOptions?.freshRedis ? deployed.postgres.reset() : Promise.resolve()
      return fresh.then(() => deployed.start(source, filename))
    },
    restart: () => cluster.restart(),
    request: (request) => cluster.request(request),
    advanceClock: async (ms) => cluster.clock.advance(ms),
    setClock: async (nowMs) => cluster.clock.set(nowMs),
    setClockFlowing: async (flowing) => cluster.clock.setFlowing(flowing),
    readStores: async () => snapshotStores(cluster.stores()),
    readStoreChanges: async () => storeChanges.read(cluster.stores()),
    commandStore: async (command) => applyStoreCommand(cluster.stores(), command),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose: () => cluster.stop('disposed'),
    reportUnhandledRejection: (reason) => cluster.reportUnhandledRejection(reason),
  }
}
