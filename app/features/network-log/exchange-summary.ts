/**
 * What one row of the network log says about an exchange, as DevTools' Network panel would:
 * path, status, the cookies that went out and what the jar did with each Set-Cookie. Pure, so
 * the table, the details and the screen-reader summary all say the same thing.
 */
import { SITE_HOST, type CookieVerdict, type Exchange } from '../../../mocks/client'

/**
 * Path and query of a URL, as the request line carries them: `/login?next=%2F`. A URL off the
 * simulated site (a refused redirect or link) is shown whole: where it went is the point.
 */
export function pathOf(url: string): string {
  try {
    const { pathname, search, host, protocol } = new URL(url)
    const onSite = host === SITE_HOST && (protocol === 'http:' || protocol === 'https:')
    return onSite ? `${pathname}${search}` : url
  } catch {
    return url
  }
}

/** The status code, or the network error code when the server never answered. */
export function statusOf(exchange: Pick<Exchange, 'response' | 'error'>): string {
  if (exchange.response) return String(exchange.response.status)
  return exchange.error?.code ?? 'pending'
}

/** `302 Found`, or the error's code and message. */
export function statusLineOf(exchange: Pick<Exchange, 'response' | 'error'>): string {
  const { response, error } = exchange
  if (response) return `${response.status} ${response.statusMessage}`.trim()
  if (error) return `${error.code}: ${error.message}`
  return 'pending'
}

/** The names in the Cookie header that was sent, or `—` when it carried none. */
export function cookieNamesSent(exchange: Pick<Exchange, 'cookiesSent'>): string {
  return exchange.cookiesSent.length
    ? exchange.cookiesSent.map((cookie) => cookie.name).join(', ')
    : '—'
}

/** The cookie name a Set-Cookie header names (text before the first `=`), even if rejected. */
export function setCookieName(header: string): string {
  const pair = header.split(';', 1)[0] ?? ''
  const equals = pair.indexOf('=')
  const name = (equals === -1 ? pair : pair.slice(0, equals)).trim()
  return name || '(unnamed)'
}

export interface VerdictSummary {
  name: string
  outcome: CookieVerdict['outcome']
  /** Chromium's reason names, as DevTools shows them, for a refused line. */
  reasons: string[]
  /** Our sentence for the learner. */
  reason: string | undefined
}

export function summarizeVerdict(verdict: CookieVerdict): VerdictSummary {
  const rejected = verdict.outcome === 'rejected'
  return {
    name: 'cookie' in verdict ? verdict.cookie.name : setCookieName(verdict.header),
    outcome: verdict.outcome,
    reasons: rejected ? verdict.reasons : [],
    reason: rejected ? verdict.reason : undefined,
  }
}

function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string) {
  return headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1]
}

function isRedirect(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0
  return status >= 300 && status < 400
}

function resolves(location: string, base: string, target: string): boolean {
  try {
    return new URL(location, base).href === target
  } catch {
    return false
  }
}

export interface RedirectLinks {
  /** Exchange id → id of the exchange whose redirect led to it. */
  from: Map<number, number>
  /** Exchange id → id of the exchange its redirect led to. */
  to: Map<number, number>
}

/**
 * Pairs each redirect hop with the response that caused it: the latest earlier 3xx of the same
 * profile whose Location resolves to the hop's URL. Matching on the Location rather than on
 * `redirectedFrom` keeps the link right whichever numbering `redirectedFrom` uses.
 */
export function linkRedirects(exchanges: readonly Exchange[]): RedirectLinks {
  const links: RedirectLinks = { from: new Map(), to: new Map() }
  exchanges.forEach((exchange, index) => {
    if (exchange.redirectedFrom === undefined) return
    for (let earlier = index - 1; earlier >= 0; earlier--) {
      const candidate = exchanges[earlier]
      if (!candidate || candidate.profile !== exchange.profile || !isRedirect(candidate)) continue
      if (links.to.has(candidate.id)) continue
      const location = headerValue(candidate.response?.headers ?? [], 'location')
      if (location === undefined || !resolves(location, candidate.url, exchange.url)) continue
      links.from.set(exchange.id, candidate.id)
      links.to.set(candidate.id, exchange.id)
      return
    }
  })
  return links
}

/** The number the log shows: the server's request id (the Console's `#3`), when it has one. */
export function requestLabel(exchange: Pick<Exchange, 'requestId'>): string {
  return exchange.requestId === undefined ? '—' : `#${exchange.requestId}`
}

/** One sentence for screen readers about the newest exchange. */
export function describeExchange(exchange: Exchange): string {
  const parts = [
    `${exchange.profile}: ${exchange.method} ${pathOf(exchange.url)} → ${statusLineOf(exchange)}.`,
  ]
  parts.push(
    exchange.cookiesSent.length ? `Sent cookies ${cookieNamesSent(exchange)}.` : 'Sent no cookies.',
  )
  for (const verdict of exchange.setCookieVerdicts.map(summarizeVerdict))
    parts.push(`Set-Cookie ${verdict.name} ${verdict.outcome}.`)
  return parts.join(' ')
}

export interface TruncatedText {
  text: string
  /** How many characters were left out; 0 when the text is whole. */
  omitted: number
}

/** Cuts long bodies at a line break near `limit` so the details stay readable. */
export function truncateText(text: string, limit: number): TruncatedText {
  if (text.length <= limit) return { text, omitted: 0 }
  const lineBreak = text.lastIndexOf('\n', limit)
  const cut = lineBreak > limit * 0.8 ? lineBreak : limit
  return { text: text.slice(0, cut), omitted: text.length - cut }
}
