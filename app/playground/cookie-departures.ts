/**
 * Why cookies left a jar, so an empty jar can say what happened instead of "the server has not
 * set any": they expired on the virtual clock, the learner deleted them, or a response deleted
 * them (a Set-Cookie with a past expiry, as `res.clearCookie` sends).
 */
import type { JarCookie } from '../../mocks/client'
import type { CookieDeparture } from '../state/browsers-slice'

/**
 * What made the jar change: the learner's own edit, the browser closing (its session cookies
 * end), or anything else (a response, the clock).
 */
export type JarChange = 'learner' | 'closed' | 'browsing'

const keyOf = (cookie: JarCookie) => `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`

export function cookieDepartures(
  before: readonly JarCookie[],
  after: readonly JarCookie[],
  change: JarChange,
  nowMs: number,
): CookieDeparture[] {
  const remaining = new Set(after.map(keyOf))
  return before
    .filter((cookie) => !remaining.has(keyOf(cookie)))
    .map((cookie) => ({
      name: cookie.name,
      expiresMs: cookie.expiresMs,
      reason:
        change === 'learner'
          ? 'deleted-by-learner'
          : change === 'closed'
            ? 'browser-closed'
            : cookie.expiresMs !== null && cookie.expiresMs <= nowMs
              ? 'expired'
              : 'deleted-by-server',
    }))
}
