import type { SliceCreator } from './slice'
import type { Exchange } from '../../mocks/client'
import type { StoreView, Explanation, SourceLocation, StoreOperation } from '../../mocks/server'

const MAX_LINES = 1000
const MAX_EXCHANGES = 500
/** Requests whose explanations are kept, newest first: as many as the network log shows. */
const MAX_EXPLAINED_REQUESTS = MAX_EXCHANGES

export type ConsoleLineKind = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'deprecation' | 'system'

export interface ConsoleLine {
  id: number
  kind: ConsoleLineKind
  text: string
  time: number
  requestId: number | undefined
  location: SourceLocation | undefined
}

export interface StoreCall {
  requestId: number | undefined
  storeId: number
  operation: StoreOperation
  sessionId: string | undefined
  expired: boolean
  /** The SQL the store ran for this call (connect-pg-simple on the playground's Postgres). */
  queries?: StoreQuery[]
}

export interface StoreQuery {
  sql: string
  params: Array<string | null>
  rowCount: number | null
  error?: string
}

/** What one request changed in the store: ids added, changed or removed. */
export interface StoreDiff {
  requestId: number
  added: string[]
  changed: string[]
  removed: string[]
}

/** One thing the server did that the console and the store panel record, in order. */
export type ActivityEntry =
  | { kind: 'line'; line: Omit<ConsoleLine, 'id'> }
  | { kind: 'store-call'; call: StoreCall }
  | { kind: 'store-query'; requestId: number | undefined; query: StoreQuery }
  | { kind: 'explanations'; requestId: number; explanations: Explanation[] }

export interface ActivitySlice {
  consoleLines: ConsoleLine[]
  /** Network log entries; `id` is unique across profiles. */
  exchanges: Exchange[]
  selectedExchangeId: number | undefined
  explanations: Record<number, Explanation[]>
  /**
   * Request id → id of the last console line when its explanations arrived (0: none yet), so
   * the console can place a request's "why" where it happened among the lines.
   */
  explanationAnchors: Record<number, number>
  stores: StoreView[]
  storeCalls: StoreCall[]
  storeDiffs: StoreDiff[]
  /** Stores the learner disconnected: they emitted "disconnect" and express-session skips them. */
  disconnectedStoreIds: number[]
  appendConsole: (lines: Array<Omit<ConsoleLine, 'id'>>) => void
  appendExchange: (exchange: Exchange) => void
  selectExchange: (id: number | undefined) => void
  /**
   * Records a batch of what the server did in one update: a burst of requests costs one copy
   * of the logs, not one per debug line.
   */
  recordActivity: (entries: readonly ActivityEntry[]) => void
  setStores: (stores: StoreView[], diff?: StoreDiff) => void
  clearActivity: () => void
  setStoreConnection: (storeId: number, connected: boolean) => void
  /** A fresh server has fresh, connected stores. */
  resetStoreConnections: () => void
}

let nextLineId = 1

export const createActivitySlice: SliceCreator<ActivitySlice> = (set) => ({
  consoleLines: [],
  exchanges: [],
  selectedExchangeId: undefined,
  explanations: {},
  explanationAnchors: {},
  stores: [],
  storeCalls: [],
  storeDiffs: [],
  disconnectedStoreIds: [],
  appendConsole: (lines) =>
    set((state) => ({
      consoleLines: [
        ...state.consoleLines,
        ...lines.map((line) => ({ ...line, id: nextLineId++ })),
      ].slice(-MAX_LINES),
    })),
  appendExchange: (exchange) =>
    set((state) => ({ exchanges: [...state.exchanges, exchange].slice(-MAX_EXCHANGES) })),
  selectExchange: (selectedExchangeId) => set({ selectedExchangeId }),
  recordActivity: (entries) =>
    set((state) => {
      const lines = [...state.consoleLines]
      const calls = [...state.storeCalls]
      let explanations = state.explanations
      let anchors = state.explanationAnchors
      for (const entry of entries) {
        if (entry.kind === 'line') lines.push({ ...entry.line, id: nextLineId++ })
        else if (entry.kind === 'store-call') calls.push(entry.call)
        else if (entry.kind === 'store-query') attachQuery(calls, entry.requestId, entry.query)
        else {
          if (explanations === state.explanations) {
            explanations = { ...explanations }
            anchors = { ...anchors }
          }
          explanations[entry.requestId] = entry.explanations
          // Where the request's "why" goes among the console lines: after those before it.
          anchors[entry.requestId] ??= nextLineId - 1
        }
      }
      // Integer keys enumerate in ascending order: the oldest requests come first.
      const ids = Object.keys(explanations)
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_EXPLAINED_REQUESTS))) {
        delete explanations[Number(id)]
        delete anchors[Number(id)]
      }
      return {
        consoleLines: lines.length > MAX_LINES ? lines.slice(-MAX_LINES) : lines,
        storeCalls: calls.length > MAX_LINES ? calls.slice(-MAX_LINES) : calls,
        explanations,
        explanationAnchors: anchors,
      }
    }),
  setStores: (stores, diff) =>
    set((state) => ({
      stores,
      storeDiffs: diff ? [...state.storeDiffs, diff].slice(-MAX_EXCHANGES) : state.storeDiffs,
    })),
  clearActivity: () =>
    set({
      consoleLines: [],
      exchanges: [],
      selectedExchangeId: undefined,
      explanations: {},
      explanationAnchors: {},
      storeCalls: [],
      storeDiffs: [],
    }),
  setStoreConnection: (storeId, connected) =>
    set((state) => {
      const others = state.disconnectedStoreIds.filter((id) => id !== storeId)
      return { disconnectedStoreIds: connected ? others : [...others, storeId] }
    }),
  resetStoreConnections: () => set({ disconnectedStoreIds: [] }),
})

/**
 * A statement belongs to the latest store call of its request: a store's statements come after
 * the call that issued them and before the next one (express-session waits for each call).
 * Statements outside any call (connect-pg-simple's prune) are not listed.
 */
function attachQuery(calls: StoreCall[], requestId: number | undefined, query: StoreQuery): void {
  for (let index = calls.length - 1; index >= 0; index--) {
    const call = calls[index]
    if (!call || call.requestId !== requestId) continue
    calls[index] = { ...call, queries: [...(call.queries ?? []), query] }
    return
  }
}
