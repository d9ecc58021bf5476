import type {
  RealmEvent,
  SessionMiddlewareInfo,
  SimRequest,
  SimResponse,
} from '../realm/realm-types'

/** Everything the engine saw of one request: what explanations are computed from. */
export interface RequestTrace {
  requestId: number
  request: SimRequest
  outcome: RequestOutcome
  /** This request's realm events, in the order they happened. */
  events: readonly RealmEvent[]
  /** Every session middleware the running server created. */
  middlewares: readonly SessionMiddlewareInfo[]
}

export type RequestOutcome =
  { ok: true; response: SimResponse } | { ok: false; error: { code: string; message: string } }

export type ExplanationLevel = 'info' | 'warning' | 'error'

export interface Explanation {
  /** Stable identifier the UI and lessons branch on. */
  code: string
  level: ExplanationLevel
  /** One learner-facing sentence. */
  sentence: string
}
