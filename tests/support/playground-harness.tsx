/**
 * Test support: a real Playground on the in-process engine (the same realm the worker runs),
 * started with the sample login server, and a render() that puts a panel under its provider.
 * Shared by the panels' specs (features never import each other; their specs may share this).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ReactNode } from 'react'
import { render, type RenderResult } from '@testing-library/react'
import createRealm from '../../build/realm/realm.js'
import { createInProcessTransport } from '../../mocks/server/host/in-process-transport'
import { createHostPlatform } from '../../mocks/server/host/host-platform'
import { VirtualClock } from '../../mocks/server/host/virtual-clock'
import { toSimExchange } from '../../mocks/sim-http'
import { Playground } from '../../app/playground/playground'
import { PlaygroundProvider } from '../../app/playground/playground-context'
import { usePlaygroundStore } from '../../app/state/store'

export const loginServerSource = readFileSync(
  join(import.meta.dirname, '../../mocks/server/samples/login-server.js'),
  'utf8',
)

export const aliceLogin = {
  url: '/login',
  method: 'POST',
  form: [
    ['username', 'alice'],
    ['password', 'wonderland'],
  ] as const,
}

const initialState = usePlaygroundStore.getState()
const running: Playground[] = []

/** A fresh store and a running server (the login sample unless `source` is given). */
export async function startPlayground(source = loginServerSource): Promise<Playground> {
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
  running.push(playground)
  await playground.startServer(source)
  return playground
}

export function stopPlaygrounds(): void {
  for (const playground of running.splice(0)) playground.dispose()
}

export function renderWithPlayground(playground: Playground, ui: ReactNode): RenderResult {
  return render(<PlaygroundProvider playground={playground}>{ui}</PlaygroundProvider>)
}
