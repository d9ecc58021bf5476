/**
 * What a scenario run records on one side, and the driver contract both sides implement: the
 * Node side (node-driver.ts, a child process with the real packages) and the simulated side
 * (sim-driver.ts, createSimServer).
 */

export type OutputStream = 'stdout' | 'stderr'

/** One write to stdout or stderr (a console call, a depd warning…), without its final newline. */
export interface OutputLine {
  stream: OutputStream
  text: string
}

export interface StoreCall {
  /** Position of the store in creation order. */
  store: number
  operation: string
  sessionId?: string
}

export interface StoreSnapshot {
  kind: string
  /** Raw contents (id → stored session); `null` for a store we cannot look into. */
  entries: Record<string, unknown> | null
}

export type HeaderLine = [name: string, value: string]

export interface HttpResponse {
  status: number
  statusMessage: string
  headers: HeaderLine[]
  body: string
}

/**
 * What the browser saw when no complete response arrived: the connection was reset, the server
 * process died (crashed) or was not running, or nothing came back in time.
 */
export interface FailedExchange {
  error: 'connection-reset' | 'crashed' | 'not-running' | 'timeout'
}

export type Exchange = HttpResponse | FailedExchange

export function isHttpResponse(exchange: Exchange): exchange is HttpResponse {
  return 'status' in exchange
}

/** What the server did during one step, collected after the event loop settled. */
export interface ServerEffects {
  output: OutputLine[]
  storeCalls: StoreCall[]
  stores: StoreSnapshot[]
}

/** Why server.js did not load; `header` is the source excerpt Node prints above the error. */
export interface LoadError {
  name: string
  message: string
  header?: string
}

export interface StartResult extends ServerEffects {
  loadError?: LoadError
}

export interface ExchangeResult extends ServerEffects {
  exchange: Exchange
}

/** A request exactly as it goes on the wire, identical on both sides. */
export interface WireRequest {
  method: string
  path: string
  headers: HeaderLine[]
  body?: string
  secure: boolean
}

export type StoreAction =
  | { action: 'connect' | 'disconnect' | 'clear'; index: number }
  | { action: 'delete'; index: number; sessionId: string }
  | { action: 'write'; index: number; sessionId: string; data: unknown }

export interface ServerDriver {
  start(nowMs: number): Promise<StartResult>
  request(request: WireRequest): Promise<ExchangeResult>
  setClock(nowMs: number): Promise<ServerEffects>
  store(action: StoreAction): Promise<ServerEffects>
  restart(nowMs: number, source?: string): Promise<StartResult>
  close(): Promise<void>
}

export interface StepRecord extends ServerEffects {
  title: string
  exchange?: Exchange
  loadError?: LoadError
}

export interface Transcript {
  side: 'node' | 'sim'
  steps: StepRecord[]
}
