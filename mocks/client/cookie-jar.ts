/**
 * One simulated browser profile's cookie jar: tough-cookie for parsing, domain/path matching
 * and storage, with the rules of a current browser layered on top and every decision reported
 * with its reason (what DevTools shows as a blocked cookie):
 * - `Secure` cookies are only set and sent over https (RFC 6265bis §5.6, step 13).
 * - `SameSite=None` without `Secure` is rejected (Chrome 80+).
 * - A cookie without SameSite is treated as `Lax` (Chrome's Lax-by-default).
 * - `__Host-` / `__Secure-` prefixes are enforced (RFC 6265bis §4.1.3).
 * - `Max-Age` wins over `Expires` and is turned into an expiry time on receipt (§5.6.2).
 * - Time is the virtual clock's, so fast-forwarding expires cookies.
 */
import { Cookie, CookieJar } from 'tough-cookie'

export type SameSite = 'Strict' | 'Lax' | 'None'

/** A cookie as DevTools lists it. Times are ms since the epoch on the virtual clock. */
export interface JarCookie {
  name: string
  value: string
  domain: string
  /** No Domain attribute: only the exact host gets it back. */
  hostOnly: boolean
  path: string
  /** `null` for a session cookie (kept until the browser closes). */
  expiresMs: number | null
  httpOnly: boolean
  secure: boolean
  /** As sent by the server; `undefined` means the browser treats it as Lax. */
  sameSite: SameSite | undefined
  /** Name length plus value length, as DevTools counts it. */
  size: number
}

export type CookieVerdict =
  | { header: string; outcome: 'stored' | 'replaced' | 'deleted'; cookie: JarCookie }
  | { header: string; outcome: 'rejected'; reason: string }

/** How the request relates to the site that set the cookies. */
export interface RequestContext {
  /** The request was started by a page on another site. */
  crossSite: boolean
  /** A top-level navigation (link, address bar, form), rather than a fetch or subresource. */
  topLevel: boolean
  method: string
}

export interface OutgoingCookies {
  /** The `Cookie` header value, or `undefined` when nothing is sent. */
  header: string | undefined
  sent: JarCookie[]
  withheld: Array<{ cookie: JarCookie; reason: string }>
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

function toSameSite(value: string | undefined): SameSite | undefined {
  switch (value?.toLowerCase()) {
    case 'strict':
      return 'Strict'
    case 'lax':
      return 'Lax'
    case 'none':
      return 'None'
    default:
      return undefined
  }
}

function describe(cookie: Cookie): JarCookie {
  const expires = cookie.expires instanceof Date ? cookie.expires.getTime() : null
  return {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? '',
    hostOnly: cookie.hostOnly ?? true,
    path: cookie.path ?? '/',
    expiresMs: expires,
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: toSameSite(cookie.sameSite),
    size: cookie.key.length + cookie.value.length,
  }
}

function isHttps(url: string): boolean {
  return new URL(url).protocol === 'https:'
}

/** Why a browser refuses this cookie before storing it, if it does (tough-cookie allows these). */
function violatesBrowserRules(cookie: Cookie, url: string): string | undefined {
  if (toSameSite(cookie.sameSite) === 'None' && !cookie.secure) {
    return 'SameSite=None requires the Secure attribute, so the browser rejected this cookie.'
  }
  if (cookie.key.startsWith('__Secure-') && (!cookie.secure || !isHttps(url))) {
    return 'A __Secure- cookie must be Secure and set over https.'
  }
  if (
    cookie.key.startsWith('__Host-') &&
    (!cookie.secure || !isHttps(url) || cookie.domain !== null || cookie.path !== '/')
  ) {
    return 'A __Host- cookie must be Secure, set over https, with Path=/ and no Domain.'
  }
  return undefined
}

export class BrowserCookieJar {
  private jar = new CookieJar(undefined, {
    rejectPublicSuffixes: true,
    allowSpecialUseDomain: true,
  })

  constructor(private readonly now: () => number) {}

  /** Stores the Set-Cookie headers of a response from `url`, one verdict per header. */
  receive(setCookieHeaders: readonly string[], url: string): CookieVerdict[] {
    return setCookieHeaders.map((header) => this.receiveOne(header, url))
  }

  private receiveOne(header: string, url: string): CookieVerdict {
    const parsed = Cookie.parse(header)
    if (!parsed)
      return {
        header,
        outcome: 'rejected',
        reason: 'The header is not a valid cookie, so the browser ignored it.',
      }
    const broken = violatesBrowserRules(parsed, url)
    if (broken) return { header, outcome: 'rejected', reason: broken }

    const now = this.now()
    // Max-Age is relative to the moment of receipt and takes precedence over Expires.
    if (typeof parsed.maxAge === 'number') {
      parsed.expires = new Date(now + parsed.maxAge * 1000)
      parsed.maxAge = null
    }
    const expiresMs = parsed.expires instanceof Date ? parsed.expires.getTime() : null
    const existing = this.findExisting(parsed, url)

    if (expiresMs !== null && expiresMs <= now) {
      if (!existing)
        return {
          header,
          outcome: 'rejected',
          reason: 'The cookie had already expired, and there was no cookie of that name to delete.',
        }
      this.remove(existing)
      return { header, outcome: 'deleted', cookie: existing }
    }
    try {
      const stored = this.jar.setCookieSync(parsed, url, { now: new Date(now), http: true })
      if (!stored) return { header, outcome: 'rejected', reason: 'The browser refused the cookie.' }
      return { header, outcome: existing ? 'replaced' : 'stored', cookie: describe(stored) }
    } catch (error) {
      return { header, outcome: 'rejected', reason: explainRejection(error) }
    }
  }

  private findExisting(parsed: Cookie, url: string): JarCookie | undefined {
    const host = new URL(url).hostname
    const domain = parsed.domain ? parsed.domain.replace(/^\./, '') : host
    const path = parsed.path ?? defaultPath(url)
    return this.list().find(
      (cookie) => cookie.name === parsed.key && cookie.domain === domain && cookie.path === path,
    )
  }

  /** The cookies a request to `url` carries, and those held back with the reason. */
  outgoing(url: string, context: RequestContext): OutgoingCookies {
    const nowMs = this.now()
    const https = isHttps(url)
    // Asked as https so Secure cookies come back too (whyWithheld explains why they stay home),
    // and without tough-cookie's own expiry check, which reads the real clock, not ours.
    const matching = this.jar
      .getCookiesSync(url.replace(/^http:/, 'https:'), { expire: false, http: true, sort: true })
      .map(describe)
      .filter((cookie) => !isExpired(cookie, nowMs))
    const sent: JarCookie[] = []
    const withheld: OutgoingCookies['withheld'] = []
    for (const cookie of matching) {
      const reason = whyWithheld(cookie, https, context)
      if (reason) withheld.push({ cookie, reason })
      else sent.push(cookie)
    }
    const header = sent.length
      ? sent.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
      : undefined
    return { header, sent, withheld }
  }

  /** Every unexpired cookie, in the order DevTools would list them (by domain, then name). */
  list(): JarCookie[] {
    const now = this.now()
    const all = this.jar.serializeSync()?.cookies ?? []
    return all
      .map((serialized) => Cookie.fromJSON(serialized))
      .filter((cookie): cookie is Cookie => cookie !== undefined && cookie !== null)
      .map(describe)
      .filter((cookie) => !isExpired(cookie, now))
      .sort(
        (a, b) =>
          a.domain.localeCompare(b.domain) ||
          a.name.localeCompare(b.name) ||
          a.path.localeCompare(b.path),
      )
  }

  /** Puts a cookie in the jar as given: the learner's edits and copies from another profile. */
  put(cookie: JarCookie): void {
    const stored = new Cookie({
      key: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      hostOnly: cookie.hostOnly,
      path: cookie.path,
      expires: cookie.expiresMs === null ? 'Infinity' : new Date(cookie.expiresMs),
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      creation: new Date(this.now()),
    })
    stored.sameSite = cookie.sameSite?.toLowerCase()
    this.remove(cookie)
    this.jar.store.putCookie(stored, () => {})
  }

  remove(cookie: Pick<JarCookie, 'name' | 'domain' | 'path'>): void {
    this.jar.store.removeCookie(cookie.domain, cookie.path, cookie.name, () => {})
  }

  clear(): void {
    this.jar = new CookieJar(undefined, { rejectPublicSuffixes: true, allowSpecialUseDomain: true })
  }
}

/** Expired from the instant of expiry on, as Chrome's CanonicalCookie::IsExpired decides. */
function isExpired(cookie: JarCookie, nowMs: number): boolean {
  return cookie.expiresMs !== null && nowMs >= cookie.expiresMs
}

function defaultPath(url: string): string {
  const { pathname } = new URL(url)
  const lastSlash = pathname.lastIndexOf('/')
  return lastSlash <= 0 ? '/' : pathname.slice(0, lastSlash)
}

function whyWithheld(
  cookie: JarCookie,
  https: boolean,
  context: RequestContext,
): string | undefined {
  if (cookie.secure && !https) return 'Secure cookies are only sent over https.'
  if (!context.crossSite) return undefined
  const sameSite = cookie.sameSite ?? 'Lax'
  if (sameSite === 'Strict')
    return 'SameSite=Strict: not sent with requests that come from another site.'
  if (sameSite === 'Lax' && !(context.topLevel && SAFE_METHODS.has(context.method.toUpperCase()))) {
    const implicit =
      cookie.sameSite === undefined ? ' (no SameSite attribute, so the browser uses Lax)' : ''
    return `SameSite=Lax${implicit}: from another site it is only sent with top-level GET navigations.`
  }
  return undefined
}

function explainRejection(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/secure/i.test(message))
    return 'The cookie is Secure but arrived over plain http, so the browser rejected it.'
  if (/domain/i.test(message)) return `The Domain attribute does not cover this site: ${message}`
  return message
}
