/** Messages between the page (worker-client.ts) and the server worker (worker.ts). */
import type { EngineEvent, RequestResult } from './engine'
import type { LoadResult, SimRequest } from '../realm/realm-types'
import type { StartOptions, StoreChange, StoreCommand, StoreSnapshot } from './server-transport'

export type WorkerCall =
  | { method: 'start'; source: string; filename: string; options?: StartOptions }
  | { method: 'restart' }
  | { method: 'request'; request: SimRequest }
  | { method: 'advanceClock'; ms: number }
  | { method: 'setClock'; nowMs: number }
  | { method: 'setClockFlowing'; flowing: boolean }
  | { method: 'readStores' }
  | { method: 'readStoreChanges' }
  | { method: 'commandStore'; command: StoreCommand }

export interface WorkerCallResults {
  start: LoadResult
  restart: LoadResult
  request: RequestResult
  advanceClock: number
  setClock: number
  setClockFlowing: number
  readStores: StoreSnapshot[]
  readStoreChanges: StoreChange[]
  commandStore: void
}

export interface WorkerInit {
  type: 'init'
  clockStartMs: number
  flowingClock: boolean
  env: Record<string, string>
  requestTimeoutMs: number
}

export type PageToWorker = WorkerInit | { type: 'call'; callId: number; call: WorkerCall }

/** A call's answer carries the events that came before it: one message per request. */
export type WorkerAnswer =
  | { type: 'result'; callId: number; value: unknown; events: EngineEvent[] }
  | { type: 'failure'; callId: number; message: string; events: EngineEvent[] }

export type WorkerToPage = WorkerAnswer | { type: 'events'; events: EngineEvent[] }
