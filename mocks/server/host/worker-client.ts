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
import { isResultOf, parseWorkerMessage } from './worker-messages'
import { POSTGRES_START_MS, requiresPostgres } from './services/requires-postgres'
import type { SourceMapSource } from './stack-frames'

export interface WorkerLike {
  postMessage(message: PageToWorker): void
  terminate(): void
  onmessage: ((event: { data: unknown }) => void) | null
  onerror: ((event: { message?: string }) => void) | null
  /**
   * Whether the worker's process still runs (a sandbox frame answers), for a silent worker: one
   * stuck in a loop, or one whose process died of running out of memory.
   */
  isProcessAlive?(timeoutMs: number): Promise<boolean>
  /** Set by the client: called when the worker's process ends on its own, calls pending or not. */
  onprocessexit?: (() => void) | null
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
  /** Where the worker bundle's source map comes from (stack-frames.ts); default: fetched. */
  sourceMaps?: SourceMapSource
}

interface PendingCall {
  call: WorkerCall
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  watchdog: ReturnType<typeof setTimeout>
}

/**
 * A mention of the worker bundle, where a trace may name it: only then is stack-frames.ts (and
 * the library and map it reads) loaded, to say exactly which frames and where they point.
 */
const BUNDLE_NAME = /(?:assets\/worker-[\w-]+|build\/realm\/realm)\.js/
const bodyDecoder = new TextDecoder()

function mentionsBundle(value: unknown): boolean {
  if (typeof value === 'string') return BUNDLE_NAME.test(value)
  if (value instanceof Uint8Array) {
    return value.length <= 1_000_000 && BUNDLE_NAME.test(bodyDecoder.decode(value))
  }
  if (Array.isArray(value)) return value.some(mentionsBundle)
  if (typeof value === 'object' && value !== null) return Object.values(value).some(mentionsBundle)
  return false
}

/** The answers that can hold a trace: an error while starting, an error page, a console line. */
const TRACED_CALLS = new Set<WorkerCall['method']>(['start', 'restart', 'request'])

const STUCK_MESSAGE =
  'The server stopped responding (an endless loop?), so it was stopped and started again: every session in its memory is gone.'
const OUT_OF_MEMORY_MESSAGE =
  'The server ran out of memory, and its process ended: every session in its memory is gone. Press Run to start it again.'
const OUT_OF_MEMORY_ERROR = {
  name: 'FATAL ERROR',
  message: 'Reached heap limit Allocation failed - JavaScript heap out of memory',
}
const stuckStartMessage = (filename: string) =>
  `${filename} did not finish starting (endless loop at the top level?), so it was stopped. Press Run to start it again.`
/** How long a sandbox frame may take to answer before its process is presumed dead. */
const PROCESS_CHECK_MS = 1500

export class WorkerServerClient implements ServerTransport {
  private worker: WorkerLike
  private readonly pending = new Map<number, PendingCall>()
  private readonly listeners = new Set<EngineListener>()
  private unpublished: EngineEvent[] = []
  private nextCallId = 1
  /** Starts in flight that boot PGlite: the worker's thread is busy with them for seconds. */
  private postgresStarts = 0
  private lastStart: { source: string; filename: string; options?: StartOptions } | undefined
  /** Whether the current worker was asked to start a server (a replacement starts empty). */
  private workerHasServer = false
  /** Virtual minus real time, as last reported, so a replacement worker keeps the same clock. */
  private clockOffsetMs: number
  /** Whether virtual time runs with real time; a paused clock restarts at its last time. */
  private clockFlowing: boolean
  private lastClockMs: number
  private readonly options: WorkerClientOptions
  /** While a silent worker's process is being checked, before it is replaced. */
  private recovering = false
  /** Messages wait here, in order, while a trace in one of them is being mapped. */
  private inbox: Promise<void> | undefined

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
    this.workerHasServer = false
    worker.onmessage = ({ data }) => this.receive(data)
    worker.onerror = (event) => this.failAll(new Error(event.message ?? 'the server worker failed'))
    // A process that dies while no call waits would otherwise show as running until the next one.
    worker.onprocessexit = () => {
      if (this.worker === worker && !this.recovering) this.replaceWorker(false)
    }
    worker.postMessage({
      type: 'init',
      clockStartMs: this.clockFlowing ? Date.now() + this.clockOffsetMs : this.lastClockMs,
      flowingClock: this.clockFlowing,
      env: this.options.env ?? {},
      requestTimeoutMs: this.requestTimeoutMs,
    })
    return worker
  }

  /**
   * A message whose traces name the worker bundle waits for its source map (fetched once), and
   * the messages after it wait their turn; the rest go through at once. A message that is not
   * one the worker may send is dropped (worker-messages.ts).
   */
  private receive(data: unknown): void {
    const message = parseWorkerMessage(data)
    if (!message) return
    if (this.inbox === undefined && !this.mayHoldTrace(message)) {
      this.deliver(message)
      return
    }
    // The worker did answer: mapping its answer is no sign of a stuck worker.
    if (message.type !== 'events') {
      const call = this.pending.get(message.callId)
      if (call) clearTimeout(call.watchdog)
    }
    const previous = this.inbox ?? Promise.resolve()
    const next = previous
      .then(async () => {
        const { mapBundleFrames, pageSourceMaps } = await import('./stack-frames')
        return mapBundleFrames(message, this.options.sourceMaps ?? pageSourceMaps)
      })
      .then(
        (mapped) => this.deliver(mapped),
        () => this.deliver(message),
      )
    this.inbox = next
    void next.then(() => {
      if (this.inbox === next) this.inbox = undefined
    })
  }

  private mayHoldTrace(message: WorkerToPage): boolean {
    if (mentionsBundle(message.events)) return true
    if (message.type === 'events') return false
    const method = this.pending.get(message.callId)?.call.method
    return method !== undefined && TRACED_CALLS.has(method) && mentionsBundle(message)
  }

  private deliver(message: WorkerToPage): void {
    for (const event of message.events) if (event.kind === 'clock') this.noteClock(event.time)
    this.publishSoon(message.events)
    if (message.type === 'events') return
    const call = this.pending.get(message.callId)
    if (!call) return
    this.pending.delete(message.callId)
    clearTimeout(call.watchdog)
    if (message.type === 'failure') call.reject(new Error(message.message))
    else if (isResultOf(call.call.method, message.value)) call.resolve(message.value)
    else call.reject(new Error('the server worker sent an answer of the wrong shape'))
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
      const watchdog = setTimeout(() => void this.recoverFromStuckWorker(), watchdogMs)
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
      if (call.method === 'start') this.workerHasServer = true
      this.worker.postMessage({ type: 'call', callId, call })
    })
  }

  private async recoverFromStuckWorker(): Promise<void> {
    // A call sent while the check runs went to the same silent worker: it is settled with it.
    if (this.recovering) return
    this.recovering = true
    const stuck = this.takePending()
    const alive = (await this.worker.isProcessAlive?.(PROCESS_CHECK_MS)) ?? true
    this.recovering = false
    this.replaceWorker(alive, stuck)
  }

  private takePending(): PendingCall[] {
    const taken = [...this.pending.values()]
    this.pending.clear()
    for (const call of taken) clearTimeout(call.watchdog)
    return taken
  }

  /**
   * Ends the current worker and starts a replacement; every call sent to the old one is settled
   * with the reason, including those taken when it was found silent.
   */
  private replaceWorker(alive: boolean, takenEarlier: PendingCall[] = []): void {
    const stuck = [...takenEarlier, ...this.takePending()]
    this.worker.terminate()
    const time = Date.now() + this.clockOffsetMs
    const stuckStart = stuck.find(
      ({ call }) => call.method === 'start' || call.method === 'restart',
    )
    this.worker = this.spawn()
    // A server that never finished starting, or whose process died, stays stopped until the
    // learner runs it again: starting it again would only do the same.
    let reason = STUCK_MESSAGE
    if (!alive) reason = OUT_OF_MEMORY_MESSAGE
    else if (stuckStart && this.lastStart) reason = stuckStartMessage(this.lastStart.filename)
    const startAgain = alive && !stuckStart
    this.publish({ kind: 'server-stop', time, reason })
    // Node's own last words; the page shows the server as crashed, with a restart at hand.
    if (!alive) this.publish({ kind: 'uncaught-error', time, error: OUT_OF_MEMORY_ERROR })
    for (const { call, resolve, reject } of stuck) {
      if (call.method === 'request') {
        const timedOut: RequestResult = {
          requestId: -1,
          outcome: { ok: false, error: { code: 'SERVER_TIMEOUT', message: reason } },
          explanations: [],
        }
        resolve(timedOut)
      } else if (call.method === 'start' || call.method === 'restart') {
        const failed: LoadResult = { ok: false, error: { name: 'Error', message: reason } }
        resolve(failed)
      } else {
        reject(new Error(reason))
      }
    }
    if (startAgain && this.lastStart) {
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

  /** A replacement worker has no server yet: restarting it means starting the last code. */
  restart(): Promise<LoadResult> {
    const started = this.lastStart
    if (!this.workerHasServer && started) {
      const { freshRedis: _fresh, ...options } = started.options ?? {}
      return this.invoke({ method: 'start', ...started, options })
    }
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
