/**
 * A stored session as express-session keeps it: its data with a `cookie` whose `expires` (an ISO
 * string once stored) says when the store should forget it. The store inspector counts down to
 * it; the cookie panel tells whether the session a cookie names will still load.
 */
/** `cookie.expires` in ms since the epoch, or `undefined` when the session has none. */
export function expiresAtOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const cookie = (data as { cookie?: unknown }).cookie
  if (typeof cookie !== 'object' || cookie === null) return undefined
  const expires = (cookie as { expires?: unknown }).expires
  if (typeof expires !== 'string' && typeof expires !== 'number') return undefined
  const ms = new Date(expires).getTime()
  return Number.isNaN(ms) ? undefined : ms
}
