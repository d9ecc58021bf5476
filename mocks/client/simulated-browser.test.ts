import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import createRealm from '../../build/realm/realm.js'
import { createInProcessTransport, createHostPlatform, VirtualClock } from '../server'
import { toSimExchange } from '../sim-http'
import {
  DEFAULT_SETTINGS,
  SimulatedBrowser,
  type BrowserSettings,
  type Exchange,
} from './simulated-browser'

const loginServer = readFileSync(
  new URL('../server/samples/login-server.js', import.meta.url),
  'utf8',
)
const START = Date.UTC(2030, 0, 1)
const disposers: Array<() => void> = []

async function setUp(source = loginServer) {
  const clock = new VirtualClock({ startMs: START })
  const server = createInProcessTransport({ createRealm, platform: createHostPlatform(), clock })
  disposers.push(() => server.dispose())
  await server.start(source)
  const exchanges: Exchange[] = []
  const browser = (profile: string) =>
    new SimulatedBrowser(profile, {
      send: async (request) => toSimExchange(await server.request(request)),
      now: () => clock.now(),
      onExchange: (exchange) => exchanges.push(exchange),
    })
  return { server, clock, browser, exchanges }
}

afterEach(() => disposers.splice(0).forEach((dispose) => dispose()))

const login = [
  ['username', 'alice'],
  ['password', 'wonderland'],
] as const

describe('SimulatedBrowser', () => {
  describe('navigate', () => {
    it('logs in with a form POST and follows the redirect to the dashboard with the new cookie', async () => {
      const { browser } = await setUp()
      const alice = browser('Alice')
      const { page, exchanges } = await alice.navigate(
        { url: '/login', method: 'POST', form: login },
        DEFAULT_SETTINGS,
      )

      expect(
        exchanges.map((exchange) => [exchange.method, exchange.url, exchange.response?.status]),
      ).toEqual([
        ['POST', 'http://session.test/login', 302],
        ['GET', 'http://session.test/dashboard', 200],
      ])
      expect(exchanges[0]?.setCookieVerdicts[0]).toMatchObject({
        outcome: 'stored',
        cookie: { name: 'connect.sid', httpOnly: true },
      })
      expect(exchanges[1]?.requestHeaders).toContainEqual([
        'Cookie',
        expect.stringMatching(/^connect\.sid=s%3A/),
      ])
      expect(exchanges[1]?.redirectedFrom).toBe(exchanges[0]?.id)
      expect(page).toMatchObject({
        kind: 'html',
        status: 200,
        url: 'http://session.test/dashboard',
      })
      expect(page.body).toContain('Hello, alice')
    })

    it('keeps each profile in its own jar', async () => {
      const { browser } = await setUp()
      const alice = browser('Alice')
      const bob = browser('Bob')
      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      const { page } = await bob.navigate({ url: '/dashboard' }, DEFAULT_SETTINGS)
      expect(page.body).toContain('<h1>Welcome</h1>')
      expect(bob.jar.list()).toEqual([])
    })

    it('is logged in as Alice once her cookie is copied into the attacker profile', async () => {
      const { browser } = await setUp()
      const alice = browser('Alice')
      const attacker = browser('Attacker')
      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      for (const cookie of alice.jar.list()) attacker.jar.put(cookie)
      const { page } = await attacker.navigate({ url: '/dashboard' }, DEFAULT_SETTINGS)
      expect(page.body).toContain('Hello, alice')
    })

    it('logs out: no Set-Cookie, so the browser keeps a cookie for a session that no longer exists', async () => {
      const { browser, server } = await setUp()
      const alice = browser('Alice')
      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      const { exchanges } = await alice.navigate(
        { url: '/logout', method: 'POST' },
        DEFAULT_SETTINGS,
      )
      expect(exchanges[0]?.setCookieVerdicts).toEqual([])
      expect(alice.jar.list()).toHaveLength(1)
      const [store] = await server.readStores()
      expect(store?.entries).toEqual({})
    })

    it('sends X-Forwarded-Proto and a plain-http connection when behind a proxy', async () => {
      const { browser } = await setUp()
      const settings: BrowserSettings = { scheme: 'https', behindProxy: true, crossSite: false }
      const { exchanges } = await browser('Alice').navigate({ url: '/' }, settings)
      expect(exchanges[0]?.url).toBe('https://session.test/')
      expect(exchanges[0]?.requestHeaders).toContainEqual(['X-Forwarded-Proto', 'https'])
    })

    it('sends the Lax-by-default session cookie on a cross-site POST only in its first 2 minutes', async () => {
      const { browser, clock } = await setUp()
      const alice = browser('Alice')
      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      const crossSite: BrowserSettings = { ...DEFAULT_SETTINGS, crossSite: true }
      const early = await alice.navigate({ url: '/logout', method: 'POST' }, crossSite)
      expect(early.exchanges[0]?.cookiesSent.map((cookie) => cookie.name)).toEqual(['connect.sid'])
      expect(early.exchanges[0]?.requestHeaders).toContainEqual(['Origin', 'http://attacker.test'])
      expect(early.exchanges[0]?.requestHeaders).toContainEqual(['Sec-Fetch-Site', 'cross-site'])

      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      clock.advance(3 * 60 * 1000)
      const { exchanges } = await alice.navigate({ url: '/logout', method: 'POST' }, crossSite)
      expect(exchanges[0]?.cookiesSent).toEqual([])
      expect(exchanges[0]?.cookiesWithheld[0]?.reasons).toEqual([
        'SchemefulSameSiteUnspecifiedTreatedAsLax',
      ])
    })

    it('counts a redirect from http to https as cross-site for a Strict cookie', async () => {
      const { browser } = await setUp(
        `const app = require('express')()
app.get('/set', (req, res) => res.cookie('s', '1', { sameSite: 'strict', secure: true }).send('ok'))
app.get('/up', (req, res) => res.redirect('https://session.test/show'))
app.get('/show', (req, res) => res.send(req.headers.cookie || 'none'))
app.listen(3000)`,
      )
      const alice = browser('Alice')
      const https: BrowserSettings = { ...DEFAULT_SETTINGS, scheme: 'https' }
      await alice.navigate({ url: '/set' }, https)
      const { exchanges, page } = await alice.navigate({ url: '/up' }, DEFAULT_SETTINGS)
      expect(page.body).toBe('none')
      expect(exchanges[1]?.cookiesWithheld[0]?.reasons).toEqual(['SchemefulSameSiteStrict'])
    })

    it('shows an error page when the server is not answering', async () => {
      const { browser } = await setUp('this is not javascript')
      const { page } = await browser('Alice').navigate({ url: '/' }, DEFAULT_SETTINGS)
      expect(page).toMatchObject({ kind: 'error', error: { code: 'SERVER_NOT_RUNNING' } })
    })

    it('stops after 20 redirects, as Chrome does', async () => {
      const { browser } = await setUp(
        `module.exports = require('express')().get('/loop', (req, res) => res.redirect('/loop'))`,
      )
      const { page, exchanges } = await browser('Alice').navigate(
        { url: '/loop' },
        DEFAULT_SETTINGS,
      )
      expect(exchanges).toHaveLength(21)
      expect(page.error?.code).toBe('ERR_TOO_MANY_REDIRECTS')
    })
  })

  describe('with the virtual clock', () => {
    it('drops the cookie and the server forgets the session once maxAge has passed', async () => {
      const { browser, clock, server } = await setUp()
      const alice = browser('Alice')
      await alice.navigate({ url: '/login', method: 'POST', form: login }, DEFAULT_SETTINGS)
      clock.advance(10 * 60 * 1000)
      expect(alice.jar.list()).toEqual([])
      const { page } = await alice.navigate({ url: '/dashboard' }, DEFAULT_SETTINGS)
      expect(page.body).toContain('<h1>Welcome</h1>')
      const [store] = await server.readStores()
      expect(Object.keys(store?.entries ?? {})).toHaveLength(1)
    })
  })
})
