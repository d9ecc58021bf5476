/**
 * The simulated browser reaches session.test and nothing else: a Location or an address on
 * another host, port or scheme fails as Chromium fails it, and the server never sees it.
 */
import { describe, expect, it } from 'vitest'
import { MAX_RESPONSE_BODY_BYTES, toSimExchange } from '../sim-http'
import type { SimRequest } from '../server'
import { DEFAULT_SETTINGS, SimulatedBrowser, type Exchange } from './simulated-browser'

/** A server that redirects `/go?to=X` to X and answers any other path with a page. */
function setUp(body: (path: string) => Uint8Array = (path) => new TextEncoder().encode(path)) {
  const received: SimRequest[] = []
  const logged: Exchange[] = []
  const browser = new SimulatedBrowser('Alice', {
    now: () => 0,
    onExchange: (exchange) => logged.push(exchange),
    send: async (request) => {
      received.push(request)
      const url = new URL(request.url, 'http://session.test')
      const to = url.searchParams.get('to')
      const headers: Array<[string, string]> = [['Set-Cookie', 'seen=1; Path=/']]
      if (to !== null) headers.push(['Location', to])
      else headers.push(['Content-Type', 'text/html'])
      return toSimExchange({
        requestId: received.length,
        explanations: [],
        outcome: {
          ok: true,
          response: {
            status: to === null ? 200 : 302,
            statusMessage: to === null ? 'OK' : 'Found',
            headers,
            body: to === null ? body(url.pathname) : new Uint8Array(),
          },
        },
      })
    },
  })
  return { browser, received, logged }
}

const hostsSeen = (received: SimRequest[]) =>
  received.map((request) => request.headers.find(([name]) => name === 'Host')?.[1])

describe('the simulated browser on a closed network', () => {
  it.each([
    ['https://example.com/elsewhere', 'https://example.com/elsewhere', 'example.com'],
    ['//127.0.0.1:4999/x', 'http://127.0.0.1:4999/x', '127.0.0.1'],
    ['\\\\evil.test\\x', 'http://evil.test/x', 'evil.test'],
    ['http://attacker.test/', 'http://attacker.test/', 'attacker.test'],
  ])(
    'stops a redirect to %j at the name lookup: the server never sees that Host',
    async (location, url, host) => {
      const { browser, received, logged } = setUp()
      const go = `/go?to=${encodeURIComponent(location)}`
      const { page, exchanges } = await browser.navigate({ url: go }, DEFAULT_SETTINGS)

      expect(hostsSeen(received)).toEqual(['session.test'])
      expect(page).toMatchObject({ kind: 'error', url, error: { code: 'ERR_NAME_NOT_RESOLVED' } })
      expect(page.error?.message).toContain(host)
      expect(exchanges.map((exchange) => [exchange.url, exchange.error?.code])).toEqual([
        [`http://session.test${go}`, undefined],
        [url, 'ERR_NAME_NOT_RESOLVED'],
      ])
      expect(exchanges[1]).toMatchObject({ redirectedFrom: exchanges[0]?.id, cookiesSent: [] })
      // Both hops are in the network log; the cookie of the first hop was stored.
      expect(logged).toEqual(exchanges)
      expect(
        browser.jar.outgoing('http://session.test/', {
          initiator: null,
          topLevel: true,
          method: 'GET',
        }).header,
      ).toBe('seen=1')
    },
  )

  it.each([
    ['javascript:alert(document.cookie)', 'javascript:alert(document.cookie)'],
    ['data:text/html,<h1>hi</h1>', 'data:text/html,<h1>hi</h1>'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
  ])('refuses a redirect to %j with ERR_UNSAFE_REDIRECT', async (location, logUrl) => {
    const { browser, received } = setUp()
    const go = `http://session.test/go?to=${encodeURIComponent(location)}`
    const { page, exchanges } = await browser.navigate({ url: go }, DEFAULT_SETTINGS)

    expect(received).toHaveLength(1)
    // The address bar keeps the URL that redirected, as in Chrome.
    expect(page).toMatchObject({ kind: 'error', url: go, error: { code: 'ERR_UNSAFE_REDIRECT' } })
    expect(exchanges[1]).toMatchObject({ url: logUrl, error: { code: 'ERR_UNSAFE_REDIRECT' } })
  })

  it('refuses session.test on a port other than the default', async () => {
    const { browser, received } = setUp()
    const { page } = await browser.navigate({ url: 'http://session.test:8080/' }, DEFAULT_SETTINGS)
    expect(received).toHaveLength(0)
    expect(page.error?.code).toBe('ERR_CONNECTION_REFUSED')
  })

  it.each(['http://example.com/', 'https://127.0.0.1:4999/', 'ftp://session.test/'])(
    'sends nothing when asked to open %s directly',
    async (url) => {
      const { browser, received, logged } = setUp()
      const { page } = await browser.navigate({ url, method: 'POST', form: [] }, DEFAULT_SETTINGS)
      expect(received).toHaveLength(0)
      expect(page.kind).toBe('error')
      expect(logged).toHaveLength(1)
    },
  )

  it('shows the start of a body beyond the limit, and keeps its status and cookies', async () => {
    const whole = MAX_RESPONSE_BODY_BYTES * 3
    const { browser } = setUp(() => new Uint8Array(whole).fill(0x78))
    const { page, exchanges } = await browser.navigate({ url: '/big' }, DEFAULT_SETTINGS)

    expect(page).toMatchObject({ kind: 'html', status: 200, bodyBytes: whole })
    expect(page.body).toHaveLength(MAX_RESPONSE_BODY_BYTES)
    expect(exchanges[0]?.response?.bodyBytes).toBe(whole)
    expect(exchanges[0]?.setCookieVerdicts[0]).toMatchObject({ outcome: 'stored' })
  })

  it('passes a body at the limit whole', async () => {
    const { browser } = setUp(() => new Uint8Array(MAX_RESPONSE_BODY_BYTES).fill(0x78))
    const { page } = await browser.navigate({ url: '/big' }, DEFAULT_SETTINGS)
    expect(page.body).toHaveLength(MAX_RESPONSE_BODY_BYTES)
    expect(page.bodyBytes).toBeUndefined()
  })
})
