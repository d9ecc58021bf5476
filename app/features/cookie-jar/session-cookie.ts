/**
 * Reads a jar cookie as the session middleware that owns it would: a cookie whose name is a
 * session middleware's `name` holds `s:<id>.<signature>`, checked against that middleware's
 * secrets in order (express-session accepts any of them and signs with the first).
 */
import { type JarCookie, inspectSessionCookie } from '../../../mocks/client'
import type { SessionMiddlewareInfo } from '../../../mocks/server'

export type SessionCookieView =
  | { kind: 'signed'; id: string; signature: string; validWith: number }
  | { kind: 'unsigned'; raw: string }

/** `undefined` when no session middleware of the running server uses this cookie name. */
export function viewSessionCookie(
  cookie: Pick<JarCookie, 'name' | 'value'>,
  middlewares: readonly SessionMiddlewareInfo[],
): SessionCookieView | undefined {
  const middleware = middlewares.find((candidate) => candidate.name === cookie.name)
  if (!middleware) return undefined
  return inspectSessionCookie(cookie.value, middleware.secrets)
}

export function isVerified(view: SessionCookieView): boolean {
  return view.kind === 'signed' && view.validWith >= 0
}

/** One sentence on what express-session does with this value. */
export function describeVerdict(view: SessionCookieView): string {
  if (view.kind === 'unsigned')
    return 'Not signed (no "s:" prefix): express-session ignores the cookie, so the request gets a new, empty session.'
  if (view.validWith === 0)
    return `Signature verifies with secret #1: express-session loads session ${view.id}.`
  if (view.validWith > 0)
    return `Signature verifies with secret #${view.validWith + 1}, an older secret that is still accepted: express-session loads session ${view.id}.`
  return 'No secret produces this signature: express-session ignores the cookie, so the request gets a new, empty session.'
}
