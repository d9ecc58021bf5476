/**
 * One text form for what both browsers decided, so a disagreement reads as a plain diff.
 */

export interface JarEntry {
  /** Every field but the expiry. */
  text: string
  /** ms since the epoch, `null` for a session cookie. */
  expiresMs: number | null
}

export interface CookieFields {
  name: string
  value: string
  domain: string
  hostOnly: boolean
  path: string
  expiresMs: number | null
  secure: boolean
  httpOnly: boolean
  /** `Strict`, `Lax`, `None`, or absent when the server did not say. */
  sameSite: string | undefined
}

export function jarEntry(cookie: CookieFields): JarEntry {
  const flags = [
    cookie.hostOnly ? `host ${cookie.domain}` : `domain .${cookie.domain}`,
    `path ${cookie.path}`,
    cookie.expiresMs === null ? 'session' : 'persistent',
    cookie.secure && 'Secure',
    cookie.httpOnly && 'HttpOnly',
    `SameSite ${cookie.sameSite ?? 'unspecified'}`,
  ].filter(Boolean)
  return {
    text: `${cookie.name}=${cookie.value} (${flags.join(', ')})`,
    expiresMs: cookie.expiresMs,
  }
}

export function withheldEntry(
  cookie: { name: string; domain: string; path: string },
  reasons: readonly string[],
): string {
  return `${cookie.name} (${cookie.domain} ${cookie.path}): ${[...reasons].sort().join(', ')}`
}

/**
 * A refused Set-Cookie line and its reasons. DevTools reports the line trimmed and without DEL
 * characters, so both sides are written that way.
 */
export function blockedEntry(line: string, reasons: readonly string[]): string {
  return `${line.replaceAll('\x7f', '').trim()}: ${[...reasons].sort().join(', ')}`
}
