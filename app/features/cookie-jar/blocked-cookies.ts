/**
 * DevTools' "blocked cookies" for one profile, from its latest navigation (the request and the
 * redirects it followed): Set-Cookie headers the browser refused, and cookies it held back
 * from a request, each with the browser's reason.
 */
import { isFilteredOut, type Exchange } from '../../../mocks/client'

export interface BlockedCookie {
  kind: 'rejected' | 'withheld'
  name: string
  /** The refused Set-Cookie header, or the withheld `name=value`. */
  detail: string
  /** `POST /login`. */
  request: string
  /** Chromium's reason names, as DevTools shows them: `SecureOnly`, `NotOnPath`… */
  reasons: string[]
  /** Our sentence for the learner. */
  reason: string
  /**
   * A cookie for another path or host of the site: DevTools only lists these when "show
   * filtered out request cookies" is on.
   */
  filteredOut: boolean
}

export interface BlockedCookies {
  /** `POST /login → GET /dashboard`; `undefined` before the profile's first request. */
  navigation: string | undefined
  cookies: BlockedCookie[]
}

function requestLabel(exchange: Exchange): string {
  const url = new URL(exchange.url)
  return `${exchange.method} ${url.pathname}${url.search}`
}

/** The profile's exchanges from the start of its latest navigation: redirects chain on to it. */
function latestNavigation(exchanges: readonly Exchange[], profile: string): Exchange[] {
  const own = exchanges.filter((exchange) => exchange.profile === profile)
  let start = own.length - 1
  while (start > 0 && own[start]?.redirectedFrom !== undefined) start--
  return own.slice(Math.max(start, 0))
}

function cookieName(setCookieHeader: string): string {
  const pair = setCookieHeader.split(';', 1)[0] ?? ''
  const equals = pair.indexOf('=')
  return (equals === -1 ? pair : pair.slice(0, equals)).trim()
}

export function blockedCookiesOf(exchanges: readonly Exchange[], profile: string): BlockedCookies {
  const navigation = latestNavigation(exchanges, profile)
  const cookies: BlockedCookie[] = []
  for (const exchange of navigation) {
    const request = requestLabel(exchange)
    for (const { cookie, reasons, reason } of exchange.cookiesWithheld) {
      const detail = `${cookie.name}=${cookie.value}`
      const filteredOut = isFilteredOut(reasons)
      cookies.push({
        kind: 'withheld',
        name: cookie.name,
        detail,
        request,
        reasons,
        reason,
        filteredOut,
      })
    }
    for (const verdict of exchange.setCookieVerdicts) {
      if (verdict.outcome !== 'rejected') continue
      const { header, reasons, reason } = verdict
      const name = cookieName(header)
      cookies.push({
        kind: 'rejected',
        name,
        detail: header,
        request,
        reasons,
        reason,
        filteredOut: false,
      })
    }
  }
  return {
    navigation: navigation.length ? navigation.map(requestLabel).join(' → ') : undefined,
    cookies,
  }
}
