/**
 * Test support: a real Playground on the in-process engine (the same Express + express-session
 * the worker runs), rendered around a panel. Each feature keeps its own copy, since features
 * never import each other.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import createRealm from '../../build/realm/realm.js'
import { createInProcessTransport } from '../../mocks/server/host/in-process-transport'
import { createHostPlatform } from '../../mocks/server/host/host-platform'
import { VirtualClock } from '../../mocks/server/host/virtual-clock'
import { toSimExchange } from '../../mocks/sim-http'
import { Playground } from '../../app/playground/playground'
import { PlaygroundProvider } from '../../app/playground/playground-context'
import { usePlaygroundStore } from '../../app/state/store'

export const loginServer = readFileSync(
  join(import.meta.dirname, '../../mocks/server/samples/login-server.js'),
  'utf8',
)

const initialState = usePlaygroundStore.getState()
const disposers: Array<() => void> = []

/** Starts `source` on a fresh store and renders `ui` with the playground provided. */
export async function renderWithPlayground(ui: ReactNode, source = loginServer) {
  usePlaygroundStore.setState(initialState, true)
  const server = createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: Date.now() }),
  })
  const playground = new Playground({
    server,
    send: async (request) => toSimExchange(await server.request(request)),
    store: usePlaygroundStore,
  })
  disposers.push(() => {
    playground.dispose()
    server.dispose()
  })
  await playground.startServer(source)
  return {
    playground,
    ...render(<PlaygroundProvider playground={playground}>{ui}</PlaygroundProvider>),
  }
}

export function disposePlaygrounds(): void {
  disposers.splice(0).forEach((dispose) => dispose())
}
