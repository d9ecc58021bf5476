import type { SliceCreator } from './slice'
import type { ErrorInfo, SessionMiddlewareInfo } from '../../mocks/server/runtime/realm-types'

export type ServerStatus = 'starting' | 'running' | 'failed' | 'crashed'

export interface ServerState {
  status: ServerStatus
  /** The code that is running (or failed to load). */
  source: string
  /** The code the server started with, for "Reset". */
  originalSource: string
  loadError: ErrorInfo | undefined
  middlewares: SessionMiddlewareInfo[]
  /** Virtual minus real time: virtual now = Date.now() + clockOffsetMs. */
  clockOffsetMs: number
}

export interface ServerSlice {
  server: ServerState
  updateServer: (change: Partial<ServerState>) => void
}

export const createServerSlice: SliceCreator<ServerSlice> = (set) => ({
  server: {
    status: 'starting',
    source: '',
    originalSource: '',
    loadError: undefined,
    middlewares: [],
    clockOffsetMs: 0,
  },
  updateServer: (change) => set((state) => ({ server: { ...state.server, ...change } })),
})
