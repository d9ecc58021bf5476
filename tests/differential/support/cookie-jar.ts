/**
 * A test-owned browser cookie jar (RFC 6265 §5.2–5.4, with RFC 6265bis's rule that an insecure
 * origin cannot set a `Secure` cookie). Expiry is judged against the virtual time the harness
 * passes in, which is the same on the Node and the simulated side.
 */

export interface StoredCookie {
  name: string
  /** The value exactly as the server sent it (still percent-encoded). */
  value: string
  domain: string
  hostOnly: boolean
  path: string
  /** ms since the epoch; `null` for a browser-session cookie. */
  expiresAtMs: number | null
  secure: boolean
  httpOnly: boolean
  sameSite: string | undefined
  creationIndex: number
}

export interface RequestContext {
  /** Host name without the port. */
  hostname: string
  /** Request path without the query. */
  path: string
  secure: boolean
  nowMs: number
}

let nextCreationIndex = 1

/** RFC 6265 §5.1.4: the directory of the request path. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/'
  const lastSlash = requestPath.lastIndexOf('/')
  return lastSlash === 0 ? '/' : requestPath.slice(0, lastSlash)
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'
}

/** RFC 6265 §5.1.3 domain-match (no public-suffix list: the tests use made-up hosts). */
function domainMatches(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`)
}

export class CookieJar {
  private cookies: StoredCookie[] = []

  /** Stores one `Set-Cookie` header (RFC 6265 §5.2 parsing, §5.3 storage). */
  receive(setCookie: string, context: RequestContext): void {
    const [pair = '', ...attributes] = setCookie.split(';')
    const equals = pair.indexOf('=')
    if (equals === -1) return
    const name = pair.slice(0, equals).trim()
    const value = pair.slice(equals + 1).trim()
    if (name === '') return

    let expiresAtMs: number | null = null
    let maxAgeExpiry: number | undefined
    let domain = ''
    let path: string | undefined
    let secure = false
    let httpOnly = false
    let sameSite: string | undefined
    for (const attribute of attributes) {
      const separator = attribute.indexOf('=')
      const key = (separator === -1 ? attribute : attribute.slice(0, separator))
        .trim()
        .toLowerCase()
      const attributeValue = separator === -1 ? '' : attribute.slice(separator + 1).trim()
      if (key === 'expires') {
        const parsed = Date.parse(attributeValue)
        if (!Number.isNaN(parsed)) expiresAtMs = parsed
      } else if (key === 'max-age') {
        if (/^-?\d+$/.test(attributeValue)) {
          const seconds = Number(attributeValue)
          maxAgeExpiry = seconds <= 0 ? Number.NEGATIVE_INFINITY : context.nowMs + seconds * 1000
        }
      } else if (key === 'domain') {
        domain = attributeValue.replace(/^\./, '').toLowerCase()
      } else if (key === 'path') {
        path = attributeValue.startsWith('/') ? attributeValue : undefined
      } else if (key === 'secure') {
        secure = true
      } else if (key === 'httponly') {
        httpOnly = true
      } else if (key === 'samesite') {
        sameSite = attributeValue
      }
    }
    // Max-Age wins over Expires (§5.3 step 3).
    if (maxAgeExpiry !== undefined) expiresAtMs = maxAgeExpiry

    if (domain !== '' && !domainMatches(context.hostname, domain)) return
    // RFC 6265bis §5.7 step 9: only a secure origin may set a Secure cookie.
    if (secure && !context.secure) return
    const hostOnly = domain === ''
    const cookie: StoredCookie = {
      name,
      value,
      domain: hostOnly ? context.hostname : domain,
      hostOnly,
      path: path ?? defaultPath(context.path),
      expiresAtMs,
      secure,
      httpOnly,
      sameSite,
      creationIndex: nextCreationIndex++,
    }
    const existing = this.cookies.findIndex(
      (stored) =>
        stored.name === cookie.name &&
        stored.domain === cookie.domain &&
        stored.path === cookie.path,
    )
    if (existing !== -1) {
      const old = this.cookies[existing]
      // RFC 6265bis: an insecure origin cannot overwrite a Secure cookie.
      if (old?.secure && !context.secure) return
      cookie.creationIndex = old?.creationIndex ?? cookie.creationIndex
      this.cookies.splice(existing, 1)
    }
    if (expiresAtMs !== null && expiresAtMs <= context.nowMs) return
    this.cookies.push(cookie)
  }

  /** The `Cookie` header a browser would send (§5.4), or undefined when it sends none. */
  cookieHeader(context: RequestContext): string | undefined {
    this.removeExpired(context.nowMs)
    const matching = this.cookies
      .filter(
        (cookie) =>
          (cookie.hostOnly
            ? cookie.domain === context.hostname
            : domainMatches(context.hostname, cookie.domain)) &&
          pathMatches(context.path, cookie.path) &&
          (!cookie.secure || context.secure),
      )
      .sort((a, b) => b.path.length - a.path.length || a.creationIndex - b.creationIndex)
    if (matching.length === 0) return undefined
    return matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  }

  find(name: string, nowMs: number): StoredCookie | undefined {
    this.removeExpired(nowMs)
    return this.cookies.find((cookie) => cookie.name === name)
  }

  /** Replaces the value of a stored cookie, or plants a new host-only cookie at `/`. */
  setValue(name: string, value: string, hostname: string): void {
    const existing = this.cookies.find((cookie) => cookie.name === name)
    if (existing) {
      existing.value = value
      return
    }
    this.plant({
      name,
      value,
      domain: hostname,
      hostOnly: true,
      path: '/',
      expiresAtMs: null,
      secure: false,
      httpOnly: false,
      sameSite: undefined,
      creationIndex: 0,
    })
  }

  /** Adds a copy of a cookie taken from another jar (replacing this jar's cookie of that name). */
  plant(cookie: StoredCookie): void {
    this.remove(cookie.name)
    this.cookies.push({ ...cookie, creationIndex: nextCreationIndex++ })
  }

  remove(name: string): void {
    this.cookies = this.cookies.filter((cookie) => cookie.name !== name)
  }

  private removeExpired(nowMs: number): void {
    this.cookies = this.cookies.filter(
      (cookie) => cookie.expiresAtMs === null || cookie.expiresAtMs > nowMs,
    )
  }
}

/** `s:<id>.<signature>` as express-session signs it (cookie-signature), or undefined. */
export function parseSignedValue(rawValue: string): { id: string; signature: string } | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawValue)
  } catch {
    return undefined
  }
  const match = /^s:(.*)\.([^.]*)$/.exec(decoded)
  if (!match) return undefined
  return { id: match[1] ?? '', signature: match[2] ?? '' }
}

/** Encodes a cookie value as cookie@0.7 (express-session's serializer) does. */
export function encodeCookieValue(decoded: string): string {
  return encodeURIComponent(decoded)
}

/** Changes one character in the middle of `text` to a different one of the same alphabet. */
export function flipCharacter(text: string): string {
  if (text.length === 0) throw new Error('cannot tamper with an empty string')
  const index = Math.floor(text.length / 2)
  const replacement = text[index] === 'A' ? 'B' : 'A'
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`
}
