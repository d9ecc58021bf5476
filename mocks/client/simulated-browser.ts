/**
 * A simulated browser profile (Alice, Bob, Attacker…): its own cookie jar, and navigation the
 * way a browser performs it — request headers, cookies chosen by the jar's rules, redirects
 * followed hop by hop (each hop is its own exchange in the network log), and the final page.
 * Pure: it reaches the server only through the `send` function it is given.
 */
import {
  BrowserCookieJar,
  type CookieVerdict,
  type JarCookie,
  type RequestContext,
  type WithheldCookie,
} from './cookie-jar'
import { siteKey } from './same-site-context'
import type { HeaderPair, SimRequest, Explanation } from '../server'
import type { SimExchange } from './send-sim-request'
import { OTHER_SITE_ORIGIN, SITE_HOST } from './site'
import { redirectTarget, unreachable, type NetworkFailure } from './simulated-network'

export { OTHER_SITE_ORIGIN, SITE_HOST }

const MAX_REDIRECTS = 20

export interface BrowserSettings {
  scheme: 'http' | 'https'
  /** A TLS-terminating proxy sits in front of the server and adds X-Forwarded-Proto. */
  behindProxy: boolean
  /** The navigation is started by a page on another site (a link or form there). */
  crossSite: boolean
}

export const DEFAULT_SETTINGS: BrowserSettings = {
  scheme: 'http',
  behindProxy: false,
  crossSite: false,
}

export interface NavigationRequest {
  /** An absolute URL on the site, or a path. */
  url: string
  method?: string
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: ReadonlyArray<readonly [string, string]>
  /**
   * The origin of the page that starts the navigation, `null` for the address bar. By default
   * the site itself, or the other site when the settings say the request comes from there.
   */
  initiator?: string | null
}

export interface Exchange {
  /** Page-side sequence number, unique per browser. */
  id: number
  /** The server's request id, when the server saw the request. */
  requestId: number | undefined
  /** Which server instance answered, behind a load balancer. */
  instance?: number
  profile: string
  method: string
  url: string
  requestHeaders: HeaderPair[]
  requestBody: string | undefined
  cookiesSent: JarCookie[]
  /** Every other cookie of the site, with Chromium's reasons; see `isFilteredOut`. */
  cookiesWithheld: WithheldCookie[]
  /** Virtual time when the request was sent. */
  sentAtMs: number
  response:
    | {
        status: number
        statusMessage: string
        headers: HeaderPair[]
        body: string
        /** Set when the body was longer than the browser keeps: its whole length in bytes. */
        bodyBytes?: number
      }
    | undefined
  error: { code: string; message: string } | undefined
  setCookieVerdicts: CookieVerdict[]
  explanations: Explanation[]
  /** The exchange whose redirect led here. */
  redirectedFrom: number | undefined
}

export type PageKind = 'html' | 'json' | 'text' | 'empty' | 'error'

export interface PageView {
  url: string
  kind: PageKind
  status: number | undefined
  contentType: string | undefined
  body: string
  error: { code: string; message: string } | undefined
  /** Set when `body` is only the start of the response: its whole length in bytes. */
  bodyBytes?: number
}

export type SendFunction = (request: SimRequest) => Promise<SimExchange>

export interface SimulatedBrowserOptions {
  send: SendFunction
  /** Virtual time, ms since the epoch: the same clock the server reads. */
  now: () => number
  onExchange?: (exchange: Exchange) => void
  /**
   * The hosts the simulated network serves (default: session.test only). The differential
   * suite against Chromium builds a network of several sites.
   */
  hosts?: readonly string[]
}

const decoder = new TextDecoder()

/** The site URL for a path under the current settings: `http://session.test/dashboard`. */
export function siteUrl(path: string, settings: Pick<BrowserSettings, 'scheme'>): string {
  return new URL(path, `${settings.scheme}://${SITE_HOST}/`).href
}

/** The URL with the given scheme when it is on the simulated site; other URLs stay as they are. */
export function withSiteScheme(url: string, scheme: BrowserSettings['scheme']): string {
  const parsed = new URL(url)
  if (parsed.hostname !== SITE_HOST) return url
  parsed.protocol = `${scheme}:`
  return parsed.href
}

function redirectMethod(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET'
  if ((status === 301 || status === 302) && method === 'POST') return 'GET'
  return method
}

/** Sec-Fetch-Site as a browser sends it on a navigation. */
function fetchSite(initiator: string | null, target: URL): string {
  if (initiator === null) return 'none'
  const from = new URL(initiator)
  if (from.origin === target.origin) return 'same-origin'
  const sameSite = siteKey(from.hostname) === siteKey(target.hostname)
  return sameSite && from.protocol === target.protocol ? 'same-site' : 'cross-site'
}

function header(headers: readonly HeaderPair[], name: string): string | undefined {
  return headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1]
}

function pageKind(contentType: string | undefined, body: string): PageKind {
  if (body.length === 0) return 'empty'
  if (contentType?.includes('text/html')) return 'html'
  if (contentType?.includes('json')) return 'json'
  return 'text'
}

export class SimulatedBrowser {
  readonly jar: BrowserCookieJar
  private nextExchangeId = 1

  constructor(
    readonly profile: string,
    private readonly options: SimulatedBrowserOptions,
  ) {
    this.jar = new BrowserCookieJar(options.now)
  }

  /** Performs a navigation and follows its redirects; resolves to the page finally shown. */
  async navigate(
    request: NavigationRequest,
    settings: BrowserSettings,
  ): Promise<{ page: PageView; exchanges: Exchange[] }> {
    let url: string
    try {
      url = new URL(request.url, siteUrl('/', settings)).href
    } catch {
      const failure = { code: 'ERR_INVALID_URL', message: `"${request.url}" is not a URL.` }
      return this.refuse({ url: request.url, pageUrl: request.url, method: 'GET', failure })
    }
    let method = (request.method ?? 'GET').toUpperCase()
    let body = request.form
      ? new URLSearchParams(request.form as Array<[string, string]>).toString()
      : undefined
    let redirectedFrom: number | undefined
    const exchanges: Exchange[] = []
    const initiator =
      request.initiator !== undefined
        ? request.initiator
        : settings.crossSite
          ? OTHER_SITE_ORIGIN
          : new URL(siteUrl('/', settings)).origin
    const closed = unreachable(new URL(url), 'navigation', this.options.hosts)
    if (closed) return this.refuse({ url, pageUrl: url, method, failure: closed })

    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      // Chrome judges every hop by the page that started the navigation, not by the redirects.
      const context: RequestContext = { initiator, topLevel: true, method }
      const exchange = await this.exchange({ url, body, settings, redirectedFrom, context })
      exchanges.push(exchange)
      const { response } = exchange
      const location =
        response && response.status >= 300 && response.status < 400
          ? header(response.headers, 'location')
          : undefined
      if (!response || location === undefined) return { page: this.pageFor(exchange), exchanges }
      const nextMethod = redirectMethod(response.status, method)
      if (nextMethod !== method) body = undefined
      method = nextMethod
      redirectedFrom = exchange.id
      const next = redirectTarget(location, url, this.options.hosts)
      if ('failure' in next) {
        // Chrome keeps a refused scheme's redirecting URL in the address bar, and shows a host
        // that does not resolve as the page's own URL.
        const pageUrl = next.failure.code === 'ERR_NAME_NOT_RESOLVED' ? next.url : url
        const refused = this.refuse({ ...next, pageUrl, method, redirectedFrom })
        return { page: refused.page, exchanges: [...exchanges, ...refused.exchanges] }
      }
      url = next.url
    }
    const error = {
      code: 'ERR_TOO_MANY_REDIRECTS',
      message: `${new URL(url).host} redirected you too many times.`,
    }
    return {
      page: { url, kind: 'error', status: undefined, contentType: undefined, body: '', error },
      exchanges,
    }
  }

  /**
   * A request the simulated network cannot carry: logged as failed, as DevTools lists it, with
   * nothing sent and no cookie read from the jar.
   */
  private refuse(step: {
    url: string
    pageUrl: string
    method: string
    failure: NetworkFailure
    redirectedFrom?: number
  }): { page: PageView; exchanges: Exchange[] } {
    const exchange: Exchange = {
      id: this.nextExchangeId++,
      requestId: undefined,
      profile: this.profile,
      method: step.method,
      url: step.url,
      requestHeaders: [],
      requestBody: undefined,
      cookiesSent: [],
      cookiesWithheld: [],
      sentAtMs: this.options.now(),
      response: undefined,
      error: step.failure,
      setCookieVerdicts: [],
      explanations: [],
      redirectedFrom: step.redirectedFrom,
    }
    this.options.onExchange?.(exchange)
    return { page: { ...this.pageFor(exchange), url: step.pageUrl }, exchanges: [exchange] }
  }

  private pageFor(exchange: Exchange): PageView {
    const { response, error } = exchange
    if (!response)
      return {
        url: exchange.url,
        kind: 'error',
        status: undefined,
        contentType: undefined,
        body: '',
        error,
      }
    const contentType = header(response.headers, 'content-type')
    return {
      url: exchange.url,
      kind: pageKind(contentType, response.body),
      status: response.status,
      contentType,
      body: response.body,
      error: undefined,
      ...(response.bodyBytes === undefined ? {} : { bodyBytes: response.bodyBytes }),
    }
  }

  private buildRequest(
    target: URL,
    context: RequestContext,
    body: string | undefined,
    settings: BrowserSettings,
    cookieHeader: string | undefined,
  ): SimRequest {
    const { method } = context
    const https = target.protocol === 'https:'
    const headers: HeaderPair[] = [
      ['Host', target.host],
      ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ]
    if (method !== 'GET' && method !== 'HEAD') {
      headers.push(['Origin', context.initiator ?? 'null'])
    }
    if (body !== undefined) headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
    headers.push(['Sec-Fetch-Site', fetchSite(context.initiator, target)])
    if (cookieHeader) headers.push(['Cookie', cookieHeader])
    if (settings.behindProxy) headers.push(['X-Forwarded-Proto', https ? 'https' : 'http'])
    return {
      method,
      url: `${target.pathname}${target.search}`,
      headers,
      ...(body === undefined ? {} : { body }),
      // Behind a TLS-terminating proxy the server's own connection is plain http.
      secure: https && !settings.behindProxy,
    }
  }

  private async exchange(step: {
    url: string
    body: string | undefined
    settings: BrowserSettings
    redirectedFrom: number | undefined
    context: RequestContext
  }): Promise<Exchange> {
    const { url, body, settings, redirectedFrom, context } = step
    const { method } = context
    const target = new URL(url)
    const cookies = this.jar.outgoing(url, context)
    const request = this.buildRequest(target, context, body, settings, cookies.header)
    const exchange: Exchange = {
      id: this.nextExchangeId++,
      requestId: undefined,
      profile: this.profile,
      method,
      url,
      requestHeaders: [...request.headers],
      requestBody: body,
      cookiesSent: cookies.sent,
      cookiesWithheld: cookies.withheld,
      sentAtMs: this.options.now(),
      response: undefined,
      error: undefined,
      setCookieVerdicts: [],
      explanations: [],
      redirectedFrom,
    }
    try {
      const { meta, body: bytes } = await this.options.send(request)
      exchange.requestId = meta.requestId
      if (meta.instance !== undefined) exchange.instance = meta.instance
      exchange.explanations = meta.explanations
      if (meta.ok) {
        exchange.response = {
          status: meta.status,
          statusMessage: meta.statusMessage,
          headers: meta.headers,
          body: decoder.decode(bytes),
          ...(meta.bodyBytes === undefined ? {} : { bodyBytes: meta.bodyBytes }),
        }
        const setCookies = meta.headers
          .filter(([name]) => name.toLowerCase() === 'set-cookie')
          .map(([, value]) => value)
        exchange.setCookieVerdicts = this.jar.receive(setCookies, url)
      } else {
        exchange.error = meta.error
      }
    } catch (error) {
      exchange.error = {
        code: 'ERR_FAILED',
        message: error instanceof Error ? error.message : String(error),
      }
    }
    this.options.onExchange?.(exchange)
    return exchange
  }
}
