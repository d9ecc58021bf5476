/**
 * Reads a jar cookie as the session middleware that owns it would: a cookie whose name is a
 * session middleware's `name` holds `s:<id>.<signature>`, checked against that middleware's
 * secrets in order (express-session accepts any of them and signs with the first).
 */
import { type JarCookie, inspectSessionCookie } from '../../../mocks/client'
import type { SessionMiddlewareInfo, StoreView } from '../../../mocks/server'
import { expiresAtOf } from '../../shared/stored-session'

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

/**
 * What the store holds under a session id: the session (`live`), one whose cookie.expires has
 * passed (`expired`: MemoryStore drops it on the next read), nothing (`missing`: destroyed, or
 * lost when the server restarted), or the playground cannot tell (`unknown`: a store it cannot
 * read).
 */
export type StoredSession = 'live' | 'expired' | 'missing' | 'unknown'

export function storedSessionOf(
  id: string,
  cookieName: string,
  middlewares: readonly SessionMiddlewareInfo[],
  stores: readonly StoreView[],
  nowMs: number,
): StoredSession {
  const middleware = middlewares.find((candidate) => candidate.name === cookieName)
  const store = stores.find((candidate) => candidate.storeId === middleware?.storeId)
  if (!store?.entries) return 'unknown'
  if (!store.entries.has(id)) return 'missing'
  const expiresMs = expiresAtOf(store.entries.get(id))
  return expiresMs !== undefined && expiresMs <= nowMs ? 'expired' : 'live'
}

/** Whether express-session will load a session from this cookie (✓ in the panel). */
export function isVerified(view: SessionCookieView, stored: StoredSession = 'unknown'): boolean {
  return (
    view.kind === 'signed' && view.validWith >= 0 && (stored === 'live' || stored === 'unknown')
  )
}

function signatureVerdict(view: Extract<SessionCookieView, { kind: 'signed' }>): string {
  return view.validWith === 0
    ? 'Signature verifies with secret #1'
    : `Signature verifies with secret #${view.validWith + 1}, an older secret that is still accepted`
}

/** One sentence on what express-session does with this value, given what the store holds. */
export function describeVerdict(
  view: SessionCookieView,
  stored: StoredSession = 'unknown',
): string {
  if (view.kind === 'unsigned')
    return 'Not signed (no "s:" prefix): express-session ignores the cookie, so the request gets a new, empty session.'
  if (view.validWith < 0)
    return 'No secret produces this signature: express-session ignores the cookie, so the request gets a new, empty session.'
  const signature = signatureVerdict(view)
  switch (stored) {
    case 'live':
      return `${signature}, and the store holds session ${view.id}: express-session loads it.`
    case 'expired':
      return `${signature}, but session ${view.id} has expired in the store: express-session drops it and starts a new, empty session.`
    case 'missing':
      return `${signature}, but the store no longer holds session ${view.id} (destroyed, or lost when the server restarted): express-session starts a new, empty session.`
    case 'unknown':
      return `${signature}: express-session looks session ${view.id} up in the store.`
  }
}
