/**
 * DevTools' "blocked cookies" for one profile, from its latest navigation (the request and the
 * redirects it followed): Set-Cookie headers the browser refused, and cookies it held back
 * from a request, each with the browser's reason.
 */
import type { Exchange } from '../../../mocks/client'

export interface BlockedCookie {
  kind: 'rejected' | 'withheld'
  name: string
  /** The refused Set-Cookie header, or the withheld `name=value`. */
  detail: string
  /** `POST /login`. */
  request: string
  reason: string
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
    for (const { cookie, reason } of exchange.cookiesWithheld) {
      const detail = `${cookie.name}=${cookie.value}`
      cookies.push({ kind: 'withheld', name: cookie.name, detail, request, reason })
    }
    for (const verdict of exchange.setCookieVerdicts) {
      if (verdict.outcome !== 'rejected') continue
      const { header, reason } = verdict
      cookies.push({ kind: 'rejected', name: cookieName(header), detail: header, request, reason })
    }
  }
  return {
    navigation: navigation.length ? navigation.map(requestLabel).join(' → ') : undefined,
    cookies,
  }
}
