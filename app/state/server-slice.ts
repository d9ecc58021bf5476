import type { SliceCreator } from './slice'
import type { ErrorInfo, SessionMiddlewareInfo } from '../../mocks/server'
import type { CodeEditPolicy } from '../lesson-loader/editable-region'

/** The origin of the sample server that runs when no lesson is open. */
export const SAMPLE_CODE_ORIGIN = 'sample'

export type ServerStatus = 'starting' | 'running' | 'failed' | 'crashed'

export interface ServerState {
  status: ServerStatus
  /**
   * Where the running code came from: a lesson id, or "sample" for the built-in login server.
   * The learner's unsaved edits are kept under this key in `preferences.editedCode`.
   */
  codeOrigin: string
  /** The code that is running (or failed to load). */
  source: string
  /** The code the server started with, for "Reset". */
  originalSource: string
  /** What of the code the learner may edit: a lesson may allow less than all of it. */
  editable: CodeEditPolicy
  loadError: ErrorInfo | undefined
  /** How many instances run behind the load balancer (a lesson may ask for two). */
  instances: number
  /** The uncaught exception that stopped the server, while it is crashed. */
  crashError: ErrorInfo | undefined
  middlewares: SessionMiddlewareInfo[]
  /** Virtual minus real time: virtual now = Date.now() + clockOffsetMs, while the clock runs. */
  clockOffsetMs: number
  /** The virtual time the clock is paused at; undefined while it runs with real time. */
  clockPausedAtMs: number | undefined
}

/** Virtual time as the server reads it: paused, or real time plus the offset. */
export function virtualNowOf(
  server: Pick<ServerState, 'clockOffsetMs' | 'clockPausedAtMs'>,
  realNowMs: number,
): number {
  return server.clockPausedAtMs ?? realNowMs + server.clockOffsetMs
}

/** What the state records of a clock reading: a paused clock keeps it, a running one its offset. */
export function clockState(
  nowMs: number,
  realNowMs: number,
  paused: boolean,
): Pick<ServerState, 'clockOffsetMs' | 'clockPausedAtMs'> {
  return { clockOffsetMs: nowMs - realNowMs, clockPausedAtMs: paused ? nowMs : undefined }
}

/** The same for a reading of a clock that stays as it was, paused or running. */
export function clockReading(
  server: Pick<ServerState, 'clockPausedAtMs'>,
  nowMs: number,
  realNowMs: number,
): Pick<ServerState, 'clockOffsetMs' | 'clockPausedAtMs'> {
  return clockState(nowMs, realNowMs, server.clockPausedAtMs !== undefined)
}

export interface ServerSlice {
  server: ServerState
  updateServer: (change: Partial<ServerState>) => void
}

export const createServerSlice: SliceCreator<ServerSlice> = (set) => ({
  server: {
    status: 'starting',
    codeOrigin: SAMPLE_CODE_ORIGIN,
    source: '',
    originalSource: '',
    editable: true,
    loadError: undefined,
    crashError: undefined,
    instances: 1,
    middlewares: [],
    clockOffsetMs: 0,
    clockPausedAtMs: undefined,
  },
  updateServer: (change) => set((state) => ({ server: { ...state.server, ...change } })),
})
