/**
 * A real Playground on the in-process engine (the same Express + express-session the worker
 * runs), started with the sample login server, for component specs.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import createRealm from '../../build/realm/realm.js'
import { createInProcessTransport } from '../../mocks/server/host/in-process-transport'
import { createHostPlatform } from '../../mocks/server/host/host-platform'
import { VirtualClock } from '../../mocks/server/host/virtual-clock'
import { toSimExchange } from '../../mocks/sim-http'
import { usePlaygroundStore } from '../../app/state/store'
import { Playground } from '../../app/playground/playground'

export const sampleServer = readFileSync(
  join(import.meta.dirname, '../../mocks/server/samples/login-server.js'),
  'utf8',
)

export async function startTestPlayground(startMs = Date.now()) {
  const server = createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs }),
  })
  const playground = new Playground({
    server,
    send: async (request) => toSimExchange(await server.request(request)),
    store: usePlaygroundStore,
  })
  await playground.startServer(sampleServer)
  return { playground, server }
}
