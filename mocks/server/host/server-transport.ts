/**
 * How the page (or a Node test) talks to a running simulated server. Two implementations:
 * the Web Worker client (worker-client.ts) that the playground uses, and the in-process one
 * (in-process-transport.ts) for Node tests and browsers that cannot run workers.
 */
import type { EngineListener, RequestResult } from './engine'
import type { LoadResult, SimRequest } from '../realm/realm-types'

export type StoreCommand =
  | { storeId: number; action: 'connect' | 'disconnect' | 'clear' }
  | { storeId: number; action: 'delete'; sessionId: string }
  | { storeId: number; action: 'write'; sessionId: string; data: unknown }

export interface StartOptions {
  /** How many instances behind a round-robin load balancer. Default 1. */
  instances?: number
  /**
   * Empty the simulated Redis first: a clean slate, as for a new lesson. Without it a start
   * keeps what Redis holds, as a real Redis outlives the Node process that is restarted.
   */
  freshRedis?: boolean
}

export interface StoreSnapshot {
  storeId: number
  /** Which instance's store, when several run behind a load balancer. */
  instance?: number
  kind: string
  /** Raw contents without pruning; `undefined` for stores the playground cannot read. */
  entries: Record<string, unknown> | undefined
  /** What the backend's keys put before each id (connect-redis: `sess:`), when not bare ids. */
  keyPrefix?: string
  /** What the backend keeps beside each session (Postgres's `expire`, MongoDB's `expires`). */
  fields?: Record<string, Record<string, string>>
}

/**
 * A store as the page keeps it between reads: its entries in a Map. At 10 000 sessions an
 * object with one key per session takes milliseconds to copy or to list, each time a request
 * changes one of them; a Map takes a fraction of that.
 */
export interface StoreView extends Omit<StoreSnapshot, 'entries' | 'fields'> {
  entries: ReadonlyMap<string, unknown> | undefined
  fields?: ReadonlyMap<string, Readonly<Record<string, string>>>
}

/**
 * One store as it changed since the previous `readStoreChanges()`: the entries that are new or
 * different (compared as JSON), and the ids that left. `complete` when the reader has no earlier
 * picture of this store (its first read, a fresh worker): `entries` then holds all of it.
 */
export interface StoreChange {
  storeId: number
  instance?: number
  kind: string
  /** `undefined` for stores the playground cannot read. */
  entries: Record<string, unknown> | undefined
  removed: string[]
  complete: boolean
  keyPrefix?: string
  /** Every entry's backend fields, whole at each read (only database stores have them). */
  fields?: Record<string, Record<string, string>>
}

export interface ServerTransport {
  start(source: string, filename?: string, options?: StartOptions): Promise<LoadResult>
  restart(): Promise<LoadResult>
  request(request: SimRequest): Promise<RequestResult>
  advanceClock(ms: number): Promise<number>
  /** Sets virtual time (ms since the epoch), e.g. back to now when a lesson is reset. */
  setClock(nowMs: number): Promise<number>
  /** Pauses virtual time (`false`) or lets it run with real time again; resolves to now. */
  setClockFlowing(flowing: boolean): Promise<number>
  readStores(): Promise<StoreSnapshot[]>
  /**
   * Every store now running, each with what changed since the last call: cheap to send however
   * many sessions a store holds. Stateful; meant for one reader (the playground).
   */
  readStoreChanges(): Promise<StoreChange[]>
  commandStore(command: StoreCommand): Promise<void>
  subscribe(listener: EngineListener): () => void
  dispose(): void
}
