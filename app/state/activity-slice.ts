import type { SliceCreator } from './slice'
import type { Exchange } from '../../mocks/client/simulated-browser'
import type { StoreSnapshot } from '../../mocks/server/runtime/server-transport'
import type { Explanation } from '../../mocks/server/explain/explanation-types'
import type { SourceLocation, StoreOperation } from '../../mocks/server/runtime/realm-types'

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
}

/** What one request changed in the store: ids added, changed or removed. */
export interface StoreDiff {
  requestId: number
  added: string[]
  changed: string[]
  removed: string[]
}

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
  stores: StoreSnapshot[]
  storeCalls: StoreCall[]
  storeDiffs: StoreDiff[]
  /** Stores the learner disconnected: they emitted "disconnect" and express-session skips them. */
  disconnectedStoreIds: number[]
  appendConsole: (lines: Array<Omit<ConsoleLine, 'id'>>) => void
  appendExchange: (exchange: Exchange) => void
  selectExchange: (id: number | undefined) => void
  setExplanations: (requestId: number, explanations: Explanation[]) => void
  setStores: (stores: StoreSnapshot[], diff?: StoreDiff) => void
  appendStoreCalls: (calls: StoreCall[]) => void
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
  setExplanations: (requestId, explanations) =>
    set((state) => {
      const kept = { ...state.explanations, [requestId]: explanations }
      const anchors = {
        ...state.explanationAnchors,
        [requestId]: state.explanationAnchors[requestId] ?? nextLineId - 1,
      }
      // Integer keys enumerate in ascending order: the oldest requests come first.
      const ids = Object.keys(kept)
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_EXPLAINED_REQUESTS))) {
        delete kept[Number(id)]
        delete anchors[Number(id)]
      }
      return { explanations: kept, explanationAnchors: anchors }
    }),
  setStores: (stores, diff) =>
    set((state) => ({
      stores,
      storeDiffs: diff ? [...state.storeDiffs, diff].slice(-MAX_EXCHANGES) : state.storeDiffs,
    })),
  appendStoreCalls: (calls) =>
    set((state) => ({ storeCalls: [...state.storeCalls, ...calls].slice(-MAX_LINES) })),
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
