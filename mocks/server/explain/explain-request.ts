/**
 * Turns what the engine saw of a request (its realm events, its outcome, the session
 * middlewares' options) into learner-facing sentences with stable codes. Pure: it reads the
 * trace and nothing else. The codes and their sentence templates are in explanation-catalogue.ts.
 */
import type { RealmEvent } from '../realm/realm-types'
import type { Explanation, RequestTrace } from './explanation-types'
import { collectSessionFacts } from './session-facts'
import { explainSession } from './explain-session'
import {
  explainErrorResponse,
  explainFailedRequest,
  explainMissingSession,
} from './explain-outcome'
import { explainDeprecations } from './explain-deprecations'
import { orderExplanations, renderExplanation } from './render-explanation'

export {
  EXPLANATION_CATALOGUE,
  EXPLANATION_CODES,
  type ExplanationCode,
  type ExplanationEntry,
} from './explanation-catalogue'

/** One sentence per decision, most important first (errors, warnings, then the story). */
export function explainRequest(trace: RequestTrace): Explanation[] {
  const facts = collectSessionFacts(trace)
  const cookieName = facts?.middleware.name ?? 'connect.sid'
  const findings = [
    ...explainFailedRequest(trace),
    ...explainErrorResponse(trace, facts),
    ...(facts ? explainSession(trace, facts) : []),
    ...explainMissingSession(trace),
    ...explainDeprecations(trace.events, cookieName),
  ]
  return orderExplanations(findings.map(renderExplanation))
}

/**
 * The events of a server start (those without a request): `session()` usually runs there, so
 * that is where its deprecations (undefined `resave` / `saveUninitialized`, no `secret`) appear.
 */
export function explainServerStart(events: readonly RealmEvent[]): Explanation[] {
  const startup = events.filter((event) => event.requestId === undefined)
  return orderExplanations(explainDeprecations(startup, 'connect.sid').map(renderExplanation))
}
