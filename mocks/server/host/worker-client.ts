/**
 * The page's side of the server worker, with a watchdog: a server stuck in an endless loop
 * blocks its worker, so no answer comes back. After `watchdogMs` without an answer the worker is
 * terminated and a fresh one starts the same code — the sessions in its MemoryStore are lost,
 * which the 'server-stop' event says plainly.
 */
import type { EngineEvent, EngineListener, RequestResult } from './engine'
import type { LoadResult, SimRequest } from '../realm/realm-types'
import type {
  ServerTransport,
  StartOptions,
  StoreChange,
  StoreCommand,
  StoreSnapshot,
} from './server-transport'
import type { PageToWorker, WorkerCall, WorkerCallResults, WorkerToPage } from './worker-protocol'
import { notifyListeners } from './listener-errors'
import { POSTGRES_START_MS, requiresPostgres } from './services/requires-postgres'

export interface WorkerLike {
  postMessage(message: PageToWorker): void
  terminate(): void
  onmessage: ((event: { data: WorkerToPage }) => void) | null
  onerror: ((event: { message?: string }) => void) | null
}

export interface WorkerClientOptions {
  createWorker: () => WorkerLike
  /** Virtual time when the first worker starts; default: now. */
  clockStartMs?: number
  flowingClock?: boolean
  env?: Record<string, string>
  /** The engine's own limit for a response that never ends (the worker stays healthy). */
  requestTimeoutMs?: number
  /** How long the worker may stay silent before it is presumed stuck. */
  watchdogMs?: number
}

interface PendingCall {
  call: WorkerCall
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  watchdog: ReturnType<typeof setTimeout>
}

const STUCK_MESSAGE =
  'The server stopped responding (an endless loop?), so it was stopped and started again: every session in its memory is gone.'

export class WorkerServerClient implements ServerTransport {
  private worker: WorkerLike
  private readonly pending = new Map<number, PendingCall>()
  private readonly listeners = new Set<EngineListener>()
  private unpublished: EngineEvent[] = []
  private nextCallId = 1
  /** Starts in flight that boot PGlite: the worker's thread is busy with them for seconds. */
  private postgresStarts = 0
  private lastStart: { source: string; filename: string; options?: StartOptions } | undefined
  /** Virtual minus real time, as last reported, so a replacement worker keeps the same clock. */
  private clockOffsetMs: number
  /** Whether virtual time runs with real time; a paused clock restarts at its last time. */
  private clockFlowing: boolean
  private lastClockMs: number
  private readonly options: WorkerClientOptions

  constructor(options: WorkerClientOptions) {
    this.options = options
    this.clockOffsetMs = (options.clockStartMs ?? Date.now()) - Date.now()
    this.clockFlowing = options.flowingClock ?? true
    this.lastClockMs = options.clockStartMs ?? Date.now()
    this.worker = this.spawn()
  }

  private get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs ?? 5000
  }

  private spawn(): WorkerLike {
    const worker = this.options.createWorker()
    worker.onmessage = ({ data }) => this.receive(data)
    worker.onerror = (event) => this.failAll(new Error(event.message ?? 'the server worker failed'))
    worker.postMessage({
      type: 'init',
      clockStartMs: this.clockFlowing ? Date.now() + this.clockOffsetMs : this.lastClockMs,
      flowingClock: this.clockFlowing,
      env: this.options.env ?? {},
      requestTimeoutMs: this.requestTimeoutMs,
    })
    return worker
  }

  private receive(message: WorkerToPage): void {
    for (const event of message.events) if (event.kind === 'clock') this.noteClock(event.time)
    this.publishSoon(message.events)
    if (message.type === 'events') return
    const call = this.pending.get(message.callId)
    if (!call) return
    this.pending.delete(message.callId)
    clearTimeout(call.watchdog)
    if (message.type === 'result') call.resolve(message.value)
    else call.reject(new Error(message.message))
  }

  private publish(event: EngineEvent): void {
    notifyListeners(this.listeners, event)
  }

  /**
   * Listeners hear of events in the task after the message that brought them, in order. The
   * page redraws its panels for them; the answer to a request goes back to the service worker
   * first, and the browser waits less for it.
   */
  private publishSoon(events: readonly EngineEvent[]): void {
    if (events.length === 0) return
    const first = this.unpublished.length === 0
    this.unpublished.push(...events)
    if (!first) return
    setTimeout(() => {
      const due = this.unpublished
      this.unpublished = []
      for (const event of due) this.publish(event)
    }, 0)
  }

  private invoke<M extends WorkerCall['method']>(
    call: Extract<WorkerCall, { method: M }>,
  ): Promise<WorkerCallResults[M]> {
    const callId = this.nextCallId++
    let watchdogMs = this.options.watchdogMs ?? this.requestTimeoutMs + 2000
    // Starting a server that requires pg first loads the Postgres chunk and boots PGlite
    // (initdb): seconds of honest work, not a stuck server.
    const bootsPostgres = 'source' in call && requiresPostgres(call.source)
    // Calls sent meanwhile (a store read, the clock) wait behind that boot, which holds the
    // worker's thread: they get its time too, or their watchdog would end the boot it waits for.
    if (bootsPostgres || this.postgresStarts > 0)
      watchdogMs = Math.max(watchdogMs, POSTGRES_START_MS)
    if (bootsPostgres) this.postgresStarts++
    const settled = () => {
      if (bootsPostgres) this.postgresStarts--
    }
    return new Promise<WorkerCallResults[M]>((resolve, reject) => {
      const watchdog = setTimeout(() => this.recoverFromStuckWorker(), watchdogMs)
      this.pending.set(callId, {
        call,
        resolve: (value: unknown) => {
          settled()
          resolve(value as WorkerCallResults[M])
        },
        reject: (error: Error) => {
          settled()
          reject(error)
        },
        watchdog,
      })
      this.worker.postMessage({ type: 'call', callId, call })
    })
  }

  private recoverFromStuckWorker(): void {
    this.worker.terminate()
    const stuck = [...this.pending.values()]
    this.pending.clear()
    this.publish({
      kind: 'server-stop',
      time: Date.now() + this.clockOffsetMs,
      reason: STUCK_MESSAGE,
    })
    this.worker = this.spawn()
    for (const call of stuck) {
      clearTimeout(call.watchdog)
      if (call.call.method === 'request') {
        const timedOut: RequestResult = {
          requestId: -1,
          outcome: { ok: false, error: { code: 'SERVER_TIMEOUT', message: STUCK_MESSAGE } },
          explanations: [],
        }
        call.resolve(timedOut)
      } else {
        call.reject(new Error(STUCK_MESSAGE))
      }
    }
    if (this.lastStart) {
      // The stuck server's own code is started again, so its state is fresh, as after a crash.
      void this.invoke({ method: 'start', ...this.lastStart }).catch(() => {})
    }
  }

  private failAll(error: Error): void {
    for (const call of this.pending.values()) {
      clearTimeout(call.watchdog)
      call.reject(error)
    }
    this.pending.clear()
  }

  start(source: string, filename = 'server.js', options?: StartOptions): Promise<LoadResult> {
    this.lastStart = { source, filename, ...(options ? { options } : {}) }
    return this.invoke({ method: 'start', ...this.lastStart })
  }

  restart(): Promise<LoadResult> {
    return this.invoke({ method: 'restart' })
  }

  request(request: SimRequest): Promise<RequestResult> {
    return this.invoke({ method: 'request', request })
  }

  advanceClock(ms: number): Promise<number> {
    return this.invoke({ method: 'advanceClock', ms })
  }

  setClock(nowMs: number): Promise<number> {
    return this.invoke({ method: 'setClock', nowMs })
  }

  async setClockFlowing(flowing: boolean): Promise<number> {
    const nowMs = await this.invoke({ method: 'setClockFlowing', flowing })
    this.clockFlowing = flowing
    this.noteClock(nowMs)
    return nowMs
  }

  private noteClock(nowMs: number): void {
    this.clockOffsetMs = nowMs - Date.now()
    this.lastClockMs = nowMs
  }

  readStores(): Promise<StoreSnapshot[]> {
    return this.invoke({ method: 'readStores' })
  }

  /** A replacement worker's first answer is `complete`: it knows nothing of what was sent. */
  readStoreChanges(): Promise<StoreChange[]> {
    return this.invoke({ method: 'readStoreChanges' })
  }

  async commandStore(command: StoreCommand): Promise<void> {
    await this.invoke({ method: 'commandStore', command })
  }

  subscribe(listener: EngineListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispose(): void {
    this.failAll(new Error('the server was shut down'))
    this.worker.terminate()
  }
}
