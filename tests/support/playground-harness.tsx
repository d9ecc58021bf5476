/**
 * The one test harness for a real Playground: the in-process engine (the same realm bundle the
 * worker runs) started with the sample login server unless told otherwise, the app's store reset
 * to its first state, and a render() that puts a panel under the playground's provider.
 * Component specs of every feature, the controller's specs and the lesson replay share it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ReactNode } from 'react'
import { render, type RenderResult } from '@testing-library/react'
import createRealm from '../../build/realm/realm.js'
import {
  createHostPlatform,
  createInProcessTransport,
  VirtualClock,
  type ServerTransport,
} from '../../mocks/server'
import { toSimExchange, type SendFunction } from '../../mocks/client'
import { Playground } from '../../app/playground/playground'
import { PlaygroundProvider } from '../../app/playground/playground-context'
import { playgroundStore } from '../../app/state/store'

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

export interface HarnessOptions {
  /** Server code to start; the sample login server by default. */
  source?: string
  /** Server instances behind the load balancer; one by default. */
  instances?: number
  /** Virtual time at start, ms since the epoch; real time by default. */
  startMs?: number
  /** Stops real time at the virtual clock, so that only the spec moves time; off by default. */
  freezeRealTime?: boolean
  /** Stands in for the real clock (the virtual clock starts at its time unless startMs is given). */
  realNow?: () => number
  /** How the browsers' requests reach the server; handed to it directly by default. */
  send?: (server: ServerTransport) => SendFunction
}

const sendDirectly =
  (server: ServerTransport): SendFunction =>
  async (request) =>
    toSimExchange(await server.request(request))

const initialState = playgroundStore.getState()
const running: Array<() => void> = []

/** A fresh store, and a Playground whose server has not started: for specs of the app's shell. */
export function idlePlayground({
  realNow,
  startMs = (realNow ?? Date.now)(),
  freezeRealTime = false,
  send = sendDirectly,
}: Omit<HarnessOptions, 'source' | 'instances'> = {}): {
  playground: Playground
  server: ServerTransport
} {
  playgroundStore.setState(initialState, true)
  const clock = new VirtualClock({ startMs, ...(realNow ? { realNow } : {}) })
  const server = createInProcessTransport({ createRealm, platform: createHostPlatform(), clock })
  const playground = new Playground({
    server,
    send: send(server),
    store: playgroundStore,
    ...(freezeRealTime ? { realNow: () => clock.now() } : realNow ? { realNow } : {}),
  })
  running.push(() => {
    playground.dispose()
    server.dispose()
  })
  return { playground, server }
}

/** A fresh store, and a Playground whose server runs `source`, with the transport under it. */
export async function startPlaygroundWithServer({
  source = loginServerSource,
  instances,
  ...options
}: HarnessOptions = {}): Promise<{ playground: Playground; server: ServerTransport }> {
  const { playground, server } = idlePlayground(options)
  await playground.startServer(source, instances)
  return { playground, server }
}

export async function startPlayground(source?: string): Promise<Playground> {
  return (await startPlaygroundWithServer(source === undefined ? {} : { source })).playground
}

/** Stops every playground the harness started; call it in afterEach. */
export function stopPlaygrounds(): void {
  running.splice(0).forEach((stop) => stop())
}

export function renderWithPlayground(playground: Playground, ui: ReactNode): RenderResult {
  return render(<PlaygroundProvider playground={playground}>{ui}</PlaygroundProvider>)
}

/** Starts a playground on `source` and renders `ui` under it. */
export async function startAndRender(ui: ReactNode, source?: string) {
  const playground = await startPlayground(source)
  return { playground, ...renderWithPlayground(playground, ui) }
}
