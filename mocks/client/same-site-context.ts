/**
 * How Chrome decides whether a request is same-site, for its cookies: "sites" are compared with
 * their scheme (schemeful same-site: http://session.test and https://session.test are two
 * sites); a navigation is same-site when the page that started it is (Chrome does not look at
 * the redirects in between: the differential suite shows a Strict cookie going with a
 * same-site navigation that bounced through another site); and a cross-site top-level
 * navigation still counts as "lax" for safe methods.
 */
import { getDomain } from './registrable-domain'

/** From weakest to strongest, as Chrome orders its SameSiteCookieContext. */
export type SameSiteContext = 'cross-site' | 'lax-unsafe' | 'lax' | 'strict'

export const CONTEXT_RANK: Record<SameSiteContext, number> = {
  'cross-site': 0,
  'lax-unsafe': 1,
  lax: 2,
  strict: 3,
}

export interface NavigationContext {
  /** The origin of the page that started the navigation; `null` for the address bar. */
  initiator: string | null
  /** A top-level navigation (link, address bar, form), rather than a fetch or subresource. */
  topLevel: boolean
  method: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** The registrable domain, or the host itself when it has none (an IP, a single label). */
export function siteKey(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return getDomain(bare) ?? bare
}

/** Schemeful same-site: the same registrable domain and the same scheme. */
export function isSameSite(a: URL, b: URL): boolean {
  return siteKey(a.hostname) === siteKey(b.hostname) && a.protocol === b.protocol
}

export function sameSiteContext(url: string, context: NavigationContext): SameSiteContext {
  const target = new URL(url)
  if (context.initiator === null || isSameSite(new URL(context.initiator), target)) return 'strict'
  if (!context.topLevel) return 'cross-site'
  return SAFE_METHODS.has(context.method.toUpperCase()) ? 'lax' : 'lax-unsafe'
}
