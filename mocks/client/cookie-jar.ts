/**
 * One simulated browser profile's cookie jar. tough-cookie parses each Set-Cookie line; the
 * rules on top are current Chrome's, checked case by case against real Chromium by
 * tests/browser-differential, and every decision carries Chromium's own reason names (what
 * DevTools shows for a blocked cookie), see cookie-reasons.ts. Time is the virtual clock's, so
 * fast-forwarding expires cookies and ages them past Chrome's two-minute Lax-allowing-unsafe
 * window.
 */
import { domainMatch, pathMatch } from 'tough-cookie'
import {
  explainRequestReasons,
  explainSetCookieReasons,
  type CookieBlockedReason,
  type SetCookieBlockedReason,
} from './cookie-reasons'
import { rulesForSetCookie } from './set-cookie-rules'
import { isPotentiallyTrustworthy } from './trustworthy-origin'
import {
  CONTEXT_RANK,
  sameSiteContext,
  siteKey,
  type NavigationContext,
  type SameSiteContext,
} from './same-site-context'

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
  /** When the browser first stored it; orders the Cookie header and ages unspecified SameSite. */
  createdMs?: number
}

export type CookieVerdict =
  | { header: string; outcome: 'stored' | 'replaced' | 'deleted'; cookie: JarCookie }
  /** Already expired on arrival with nothing to delete: Chrome accepts and drops it silently. */
  | { header: string; outcome: 'expired' }
  | { header: string; outcome: 'rejected'; reasons: SetCookieBlockedReason[]; reason: string }

/** How the request came about: who started it, through which redirects, with which method. */
export type RequestContext = NavigationContext

export interface WithheldCookie {
  cookie: JarCookie
  reasons: CookieBlockedReason[]
  /** The learner sentence for `reasons`. */
  reason: string
}

export interface OutgoingCookies {
  /** The `Cookie` header value, or `undefined` when nothing is sent. */
  header: string | undefined
  sent: JarCookie[]
  /** Every other cookie of the site, with Chromium's reasons (path and host misses included). */
  withheld: WithheldCookie[]
}

/** Chrome still sends a cookie without SameSite on a cross-site top-level POST this long. */
export const LAX_ALLOW_UNSAFE_MS = 2 * 60 * 1000

function cookieKey(cookie: Pick<JarCookie, 'name' | 'domain' | 'path' | 'hostOnly'>): string {
  return `${cookie.hostOnly ? '' : '.'}${cookie.domain};${cookie.path};${cookie.name}`
}

/** Expired from the instant of expiry on, as Chrome's CanonicalCookie::IsExpired decides. */
function isExpired(cookie: JarCookie, nowMs: number): boolean {
  return cookie.expiresMs !== null && nowMs >= cookie.expiresMs
}

export class BrowserCookieJar {
  private cookies = new Map<string, JarCookie>()
  /** Creation order: cookies stored at the same virtual millisecond still have an order. */
  private creationOrder = new Map<string, number>()
  private nextCreation = 0

  constructor(private readonly now: () => number) {}

  /**
   * Stores the Set-Cookie headers of a response from `url`, one verdict per header. Only
   * top-level navigations are modelled, and Chrome lets those set cookies of every SameSite
   * value even when another site started them, so the request's context plays no part.
   */
  receive(setCookieHeaders: readonly string[], url: string): CookieVerdict[] {
    return setCookieHeaders.map((header) => this.receiveOne(header, url))
  }

  private receiveOne(header: string, url: string): CookieVerdict {
    const now = this.now()
    const decision = rulesForSetCookie(header, new URL(url), now, this.list())
    if ('reasons' in decision) {
      const { reasons } = decision
      return { header, outcome: 'rejected', reasons, reason: explainSetCookieReasons(reasons) }
    }
    const { cookie } = decision
    const key = cookieKey(cookie)
    const existing = this.cookies.get(key)
    const live = existing && !isExpired(existing, now) ? existing : undefined
    if (cookie.expiresMs !== null && cookie.expiresMs <= now) {
      this.cookies.delete(key)
      return live ? { header, outcome: 'deleted', cookie: live } : { header, outcome: 'expired' }
    }
    // Chrome keeps the creation time of the cookie it overwrites.
    const stored = { ...cookie, createdMs: live?.createdMs ?? now }
    this.cookies.set(key, stored)
    if (!live) this.creationOrder.set(key, this.nextCreation++)
    return { header, outcome: live ? 'replaced' : 'stored', cookie: stored }
  }

  /** The cookies a request to `url` carries, and those of the site held back, with reasons. */
  outgoing(url: string, context: RequestContext): OutgoingCookies {
    const nowMs = this.now()
    const target = new URL(url)
    const host = target.hostname.toLowerCase()
    const site = siteKey(host)
    const sameSite = sameSiteContext(url, context)
    const sent: JarCookie[] = []
    const withheld: WithheldCookie[] = []
    for (const cookie of this.list()) {
      if (siteKey(cookie.domain) !== site) continue
      const reasons: CookieBlockedReason[] = []
      const onDomain = cookie.hostOnly ? host === cookie.domain : domainMatch(host, cookie.domain)
      if (!onDomain) reasons.push('DomainMismatch')
      if (!pathMatch(target.pathname || '/', cookie.path)) reasons.push('NotOnPath')
      if (cookie.secure && !isPotentiallyTrustworthy(target)) reasons.push('SecureOnly')
      const sameSiteMiss = sameSiteReason(cookie, sameSite, nowMs)
      if (sameSiteMiss) reasons.push(sameSiteMiss)
      if (reasons.length) withheld.push({ cookie, reasons, reason: explainRequestReasons(reasons) })
      else sent.push(cookie)
    }
    // RFC 6265bis §5.8.3: longer paths first, then the older cookie first.
    const order = (cookie: JarCookie) => this.creationOrder.get(cookieKey(cookie)) ?? 0
    sent.sort((a, b) => b.path.length - a.path.length || order(a) - order(b))
    const header = sent.length
      ? sent
          .map((cookie) => (cookie.name ? `${cookie.name}=${cookie.value}` : cookie.value))
          .join('; ')
      : undefined
    return { header, sent, withheld }
  }

  /** Every unexpired cookie, in the order DevTools would list them (by domain, then name). */
  list(): JarCookie[] {
    const now = this.now()
    return [...this.cookies.values()]
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
    const createdMs = cookie.createdMs ?? this.now()
    if (!this.cookies.has(cookieKey(cookie)))
      this.creationOrder.set(cookieKey(cookie), this.nextCreation++)
    this.cookies.set(cookieKey(cookie), {
      ...cookie,
      size: cookie.name.length + cookie.value.length,
      createdMs,
    })
  }

  remove(cookie: Pick<JarCookie, 'name' | 'domain' | 'path'> & { hostOnly?: boolean }): void {
    for (const hostOnly of cookie.hostOnly === undefined ? [true, false] : [cookie.hostOnly])
      this.cookies.delete(cookieKey({ ...cookie, hostOnly }))
  }

  clear(): void {
    this.cookies.clear()
    this.creationOrder.clear()
  }
}

function sameSiteReason(
  cookie: JarCookie,
  context: SameSiteContext,
  nowMs: number,
): CookieBlockedReason | undefined {
  const rank = CONTEXT_RANK[context]
  switch (cookie.sameSite) {
    case 'None':
      return undefined
    case 'Strict':
      return rank >= CONTEXT_RANK.strict ? undefined : 'SchemefulSameSiteStrict'
    case 'Lax':
      return rank >= CONTEXT_RANK.lax ? undefined : 'SchemefulSameSiteLax'
    default: {
      const young = nowMs - (cookie.createdMs ?? nowMs) < LAX_ALLOW_UNSAFE_MS
      const needed = young ? CONTEXT_RANK['lax-unsafe'] : CONTEXT_RANK.lax
      return rank >= needed ? undefined : 'SchemefulSameSiteUnspecifiedTreatedAsLax'
    }
  }
}
