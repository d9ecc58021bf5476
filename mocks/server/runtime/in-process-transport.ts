/** Runs the engine in the caller's own thread: Node tests, and browsers without workers. */
import { Engine, type EngineOptions } from './engine'
import type { ServerTransport } from './server-transport'
import { applyStoreCommand, snapshotStores } from './store-commands'

export function createInProcessTransport(
  options: EngineOptions,
): ServerTransport & { engine: Engine } {
  const engine = new Engine(options)
  return {
    engine,
    start: (source, filename) => engine.start(source, filename),
    restart: () => engine.restart(),
    request: (request) => engine.request(request),
    advanceClock: async (ms) => engine.clock.advance(ms),
    setClock: async (nowMs) => engine.clock.set(nowMs),
    readStores: async () => snapshotStores(engine.stores()),
    commandStore: async (command) => applyStoreCommand(engine.stores(), command),
    subscribe: (listener) => engine.subscribe(listener),
    dispose: () => engine.stop('disposed'),
  }
}
