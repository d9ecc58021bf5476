/**
 * Reads the two cookie headers the explanations look at, the way the session stack reads them:
 * `Cookie` as cookie@0.7.2's `parse` does (what express-session's getcookie uses), `Set-Cookie`
 * just enough to tell which cookie was set, to which id, until when. Untrusted input: never
 * throws.
 */
import type { HeaderPair } from '../realm/realm-types'

/**
 * cookie@0.7.2 `parse`: pairs split on `;`, a pair without `=` skipped, names and values
 * trimmed, the first occurrence of a name wins (browsers send longer paths first), a quoted
 * value unquoted, and a value percent-decoded only when it contains `%` and decodes cleanly.
 */
export function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>()
  if (header.length < 2) return cookies
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=')
    if (equals === -1) continue
    const name = pair.slice(0, equals).trim()
    if (!name || cookies.has(name)) continue
    let value = pair.slice(equals + 1).trim()
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1)
    cookies.set(name, decodeIfEncoded(value))
  }
  return cookies
}

function decodeIfEncoded(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** All `Cookie` headers of a request, joined as Node joins them (`; `). */
export function requestCookies(headers: readonly HeaderPair[]): Map<string, string> {
  const values = headers
    .filter(([name]) => name.toLowerCase() === 'cookie')
    .map(([, value]) => value)
  return parseCookieHeader(values.join('; '))
}

export interface SetCookie {
  name: string
  /** Percent-decoded value. */
  value: string
  /** `Expires` as ms since the epoch, when present and valid. */
  expiresMs?: number
  /** `Expires` exactly as sent. */
  expires?: string
  /** `Max-Age` in seconds, when present. */
  maxAgeSeconds?: number
}

/** One `Set-Cookie` header value (RFC 6265 §5.2, minus the parts we do not need). */
export function parseSetCookie(header: string): SetCookie | undefined {
  const [pair = '', ...attributes] = header.split(';')
  const equals = pair.indexOf('=')
  if (equals === -1) return undefined
  const name = pair.slice(0, equals).trim()
  if (!name) return undefined
  const cookie: SetCookie = { name, value: decodeIfEncoded(pair.slice(equals + 1).trim()) }
  for (const attribute of attributes) {
    const at = attribute.indexOf('=')
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase()
    const value = at === -1 ? '' : attribute.slice(at + 1).trim()
    if (key === 'expires') {
      cookie.expires = value
      const time = Date.parse(value)
      if (!Number.isNaN(time)) cookie.expiresMs = time
    } else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      cookie.maxAgeSeconds = Number(value)
    }
  }
  return cookie
}

/** The `Set-Cookie` headers of a response for one cookie name, in the order they were sent. */
export function setCookiesNamed(headers: readonly HeaderPair[], cookieName: string): SetCookie[] {
  return headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => parseSetCookie(value))
    .filter((cookie): cookie is SetCookie => cookie?.name === cookieName)
}

/**
 * The session id inside an express-session cookie value `s:<id>.<signature>` (the signature is
 * everything after the last `.`, as cookie-signature splits it); undefined for other values.
 */
export function signedSessionId(value: string): string | undefined {
  if (!value.startsWith('s:')) return undefined
  const dot = value.lastIndexOf('.')
  return dot > 2 ? value.slice(2, dot) : undefined
}

/** A cookie that tells the browser to delete it: empty, or already expired (`res.clearCookie`). */
export function isClearingCookie(cookie: SetCookie, nowMs: number): boolean {
  if (cookie.value === '') return true
  if (cookie.maxAgeSeconds !== undefined && cookie.maxAgeSeconds <= 0) return true
  return cookie.expiresMs !== undefined && cookie.expiresMs <= nowMs
}
