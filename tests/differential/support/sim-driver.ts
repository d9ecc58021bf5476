/**
 * The simulated side: the same server.js through the documented Node API (createSimServer),
 * i.e. the real packages bundled into our realm on our Node-compatibility layer.
 */
import { createSimServer, type EngineEvent, type SimServer } from '../../../mocks/server/host/api'
import type {
  Exchange,
  ExchangeResult,
  OutputLine,
  ServerDriver,
  ServerEffects,
  StartResult,
  StoreAction,
  StoreCall,
  WireRequest,
} from './transcript'

/** As in node-runner.mjs: how long a browser waits for an answer, and how long the event loop
 * runs on after a step (macrotask turns, then real time for short timers, which are real in
 * both the simulated server and Node) before we look at the store. */
const REQUEST_TIMEOUT_MS = 4000
const SETTLE_TURNS = 10
const SETTLE_TIMERS_MS = 5

/** A program that only exists so that we can subscribe before the real start (see start()). */
const PLACEHOLDER_SOURCE = 'module.exports = (req, res) => res.end()'

const turns = async (): Promise<void> => {
  for (let turn = 0; turn < SETTLE_TURNS; turn++) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Lets the event loop run on after a step: store callbacks, late logs, short real timers. */
const settle = async (): Promise<void> => {
  await turns()
  await new Promise((resolve) => setTimeout(resolve, SETTLE_TIMERS_MS))
  await turns()
}

function toOutputLine(event: EngineEvent): OutputLine | undefined {
  if (event.kind === 'console') {
    const toStderr = event.level === 'warn' || event.level === 'error'
    return { stream: toStderr ? 'stderr' : 'stdout', text: event.text }
  }
  // depd writes its line to stderr.
  if (event.kind === 'deprecation') return { stream: 'stderr', text: event.text }
  return undefined
}

const FAILURES: Record<string, Exclude<Exchange, { status: number }>['error']> = {
  ECONNRESET: 'connection-reset',
  SERVER_CRASHED: 'crashed',
  SERVER_NOT_RUNNING: 'not-running',
  SERVER_TIMEOUT: 'timeout',
}

export class SimDriver implements ServerDriver {
  private server: SimServer | undefined
  private output: OutputLine[] = []
  private storeCalls: { storeId: number; operation: string; sessionId?: string }[] = []

  /** `redisOf`: the server whose simulated Redis this one shares (instances of one app). */
  constructor(
    private readonly source: string,
    private readonly env: Readonly<Record<string, string>> = {},
    private readonly redisOf?: () => SimServer | undefined,
  ) {}

  get simServer(): SimServer | undefined {
    return this.server
  }

  async start(nowMs: number): Promise<StartResult> {
    // createSimServer() resolves only after the server code ran, so a listener added then would
    // miss start-up output (depd warnings from session(), app.listen's callback). Start an empty
    // program, subscribe, then load the scenario's code with restart(source): a fresh realm.
    const server = await createSimServer({
      source: PLACEHOLDER_SOURCE,
      startTime: nowMs,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      env: { NODE_ENV: 'development', ...this.env },
      ...(this.redisOf?.() ? { shareRedisWith: this.redisOf() as SimServer } : {}),
    })
    this.server = server
    server.on((event) => {
      const line = toOutputLine(event)
      if (line) this.output.push(line)
      if (event.kind === 'store-call') {
        this.storeCalls.push({
          storeId: event.storeId,
          operation: event.operation,
          ...(event.sessionId === undefined ? {} : { sessionId: event.sessionId }),
        })
      }
    })
    return this.load(() => server.restart(this.source))
  }

  async request(request: WireRequest): Promise<ExchangeResult> {
    const server = this.running()
    // A process that is gone refuses the connection; one that dies now resets it.
    const wasRunning = server.state === 'running'
    const result = await server.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      secure: request.secure,
      ...(request.body === undefined ? {} : { body: request.body }),
    })
    const exchange: Exchange = result.ok
      ? {
          status: result.status,
          statusMessage: result.statusMessage,
          headers: result.headers.map(([name, value]) => [name, value]),
          body: result.body,
        }
      : { error: wasRunning ? (FAILURES[result.error.code] ?? 'connection-reset') : 'not-running' }
    await settle()
    return { exchange, ...this.drainEffects() }
  }

  async setClock(nowMs: number): Promise<ServerEffects> {
    const server = this.running()
    server.advanceClock(nowMs - server.now())
    await settle()
    return this.drainEffects()
  }

  async store(action: StoreAction): Promise<ServerEffects> {
    const store = this.running().stores()[action.index]
    if (!store) throw new Error(`no session store #${action.index}`)
    switch (action.action) {
      case 'connect':
        store.connect()
        break
      case 'disconnect':
        store.disconnect()
        break
      case 'clear':
        store.clear()
        break
      case 'delete':
        store.delete(action.sessionId)
        break
      case 'write':
        store.write(action.sessionId, action.data)
    }
    await settle()
    return this.drainEffects()
  }

  async restart(nowMs: number, source?: string): Promise<StartResult> {
    const server = this.running()
    if (server.now() !== nowMs) throw new Error('the simulated clock drifted from the scenario')
    return this.load(() => server.restart(source))
  }

  async close(): Promise<void> {
    this.server?.close()
  }

  private running(): SimServer {
    if (!this.server) throw new Error('the simulated server was not started')
    return this.server
  }

  private async load(start: () => ReturnType<SimServer['restart']>): Promise<StartResult> {
    const result = await start()
    await settle()
    const effects = this.drainEffects()
    if (result.ok) return effects
    const { name, message, stack = '' } = result.error
    const errorLine = stack.indexOf(`\n${name}: `)
    const header = errorLine === -1 ? undefined : stack.slice(0, errorLine)
    return { ...effects, loadError: { name, message, ...(header ? { header } : {}) } }
  }

  private drainEffects(): ServerEffects {
    const server = this.running()
    const handles = server.stores()
    const storeCalls: StoreCall[] = this.storeCalls.map(({ storeId, ...call }) => ({
      store: handles.findIndex((handle) => handle.storeId === storeId),
      ...call,
    }))
    // A crashed process, or one whose server.js threw while loading, has no memory left to
    // look into, as on Node.
    const stores =
      server.state === 'crashed' || server.state === 'failed'
        ? []
        : handles.map((handle) => ({ kind: handle.kind, entries: handle.entries() ?? null }))
    const effects: ServerEffects = { output: this.output, storeCalls, stores }
    this.output = []
    this.storeCalls = []
    return JSON.parse(JSON.stringify(effects)) as ServerEffects
  }
}
