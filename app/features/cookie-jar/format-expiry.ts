/**
 * The "Expires / Max-Age" column: DevTools prints the expiry as an ISO date, or "Session" for a
 * cookie without one. We add how long is left on the virtual clock, since lessons fast-forward
 * it. express-session's `maxAge` is in milliseconds; the jar already turned the cookie's
 * `Max-Age` (seconds) into an expiry time.
 */

/**
 * DevTools' ISO format to the second, `2030-01-01T00:10:00Z` (the milliseconds a Max-Age adds
 * only widen the column); "Session" for a session cookie.
 */
export function formatExpiry(expiresMs: number | null): string {
  if (expiresMs === null) return 'Session'
  return new Date(expiresMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** Time left until expiry, coarser as it grows: `in 45s`, `in 9m 05s`, `in 2h 03m`, `in 3d 4h`. */
export function formatCountdown(expiresMs: number, nowMs: number): string {
  const leftMs = expiresMs - nowMs
  if (leftMs <= 0) return 'expired'
  const seconds = Math.ceil(leftMs / 1000)
  if (seconds < 60) return `in ${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `in ${minutes}m ${pad(seconds % 60)}s`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `in ${hours}h ${pad(minutes % 60)}m`
  return `in ${Math.floor(hours / 24)}d ${hours % 24}h`
}
