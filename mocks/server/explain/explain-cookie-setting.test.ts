import { afterEach, describe, expect, it } from 'vitest'
import type { SimServer } from '../host/api'
import {
  codesOf,
  explanationOf,
  sessionApp,
  sessionIdIn,
  SpecBrowser,
  startServer,
} from '../../../tests/support/explanation-specs'

let server: SimServer | undefined
afterEach(() => server?.close())

async function browse(options: string, parts = {}) {
  server = await startServer(sessionApp(options, parts))
  return { server, browser: new SpecBrowser(server) }
}

describe('sending the session cookie', () => {
  describe('when a new session is saved', () => {
    it('explains the Set-Cookie of a browser-session cookie', async () => {
      const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
      const first = await browser.get('/count')
      const id = sessionIdIn(first.ok ? first.setCookies[0] : undefined)
      const { sentence } = explanationOf(first, 'session-cookie-set')
      expect(sentence).toContain(id.slice(0, 8))
      expect(sentence).toContain('browser-session cookie')
    })

    it('gives the expiry of a persistent cookie', async () => {
      const { browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
      )
      const first = await browser.get('/count')
      expect(explanationOf(first, 'session-cookie-set').sentence).toContain(
        'expires Tue, 01 Jan 2030 00:01:00 GMT',
      )
    })

    it('says nothing about a cookie when none was sent', async () => {
      const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
      const first = await browser.get('/')
      expect(codesOf(first)).not.toContain('session-cookie-set')
    })
  })

  describe('rolling', () => {
    describe('when it is true and the browser sends back its cookie', () => {
      it('explains that the cookie was re-sent with a fresh expiry', async () => {
        const { server, browser } = await browse(
          `{ secret: 'k', resave: false, saveUninitialized: false, rolling: true, cookie: { maxAge: 60000 } }`,
        )
        await browser.get('/count')
        server.advanceClock(30_000)
        const read = await browser.get('/')
        expect(explanationOf(read, 'cookie-rolled').sentence).toContain(
          'expires Tue, 01 Jan 2030 00:01:30 GMT',
        )
        expect(codesOf(read)).not.toContain('session-cookie-set')
      })
    })

    describe('when it is false and the route only reads the session', () => {
      it('sends no cookie and explains none', async () => {
        const { browser } = await browse(
          `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
        )
        await browser.get('/count')
        const read = await browser.get('/')
        expect(read.ok && read.setCookies).toEqual([])
        expect(codesOf(read)).not.toContain('cookie-rolled')
        expect(codesOf(read)).not.toContain('cookie-resent-modified')
      })
    })
  })

  describe('when a loaded session with a persistent cookie changes', () => {
    it('explains that the cookie was re-sent with a new expiry', async () => {
      const { server, browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
      )
      await browser.get('/count')
      server.advanceClock(10_000)
      const changed = await browser.get('/count')
      expect(explanationOf(changed, 'cookie-resent-modified').sentence).toContain(
        'now expires Tue, 01 Jan 2030 00:01:10 GMT',
      )
    })
  })

  describe('when a loaded session with a browser-session cookie changes', () => {
    it('explains that no Set-Cookie was sent though the session was saved', async () => {
      const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
      await browser.get('/count')
      const changed = await browser.get('/count')
      expect(changed.ok && changed.setCookies).toEqual([])
      expect(codesOf(changed)).toEqual(
        expect.arrayContaining(['loaded-session-saved', 'cookie-not-resent-browser-session']),
      )
    })

    it('does not claim so when rolling re-sends the cookie', async () => {
      const { browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: false, rolling: true }`,
      )
      await browser.get('/count')
      const changed = await browser.get('/count')
      expect(codesOf(changed)).toContain('cookie-rolled')
      expect(codesOf(changed)).not.toContain('cookie-not-resent-browser-session')
    })
  })

  describe('cookie.secure', () => {
    const SECURE = `{ secret: 'k', resave: false, saveUninitialized: true, cookie: { secure: true } }`

    describe('when the request came over plain http', () => {
      it('explains that the cookie was withheld although the session was saved', async () => {
        const { server, browser } = await browse(SECURE)
        const plain = await browser.get('/')
        expect(plain.ok && plain.setCookies).toEqual([])
        expect(explanationOf(plain, 'cookie-withheld-insecure')).toMatchObject({
          level: 'warning',
          sentence: expect.stringContaining('this request came over plain http'),
        })
        expect(explanationOf(plain, 'cookie-withheld-insecure').sentence).toContain(
          'the session was still saved',
        )
        expect(Object.keys(server.stores()[0]?.entries() ?? {})).toHaveLength(1)
        expect(codesOf(plain)).not.toContain('session-cookie-set')
      })
    })

    describe('when the request came over https', () => {
      it('sends the cookie and explains no withholding', async () => {
        const { browser } = await browse(SECURE)
        const tls = await browser.get('/', { secure: true })
        expect(codesOf(tls)).toContain('session-cookie-set')
        expect(codesOf(tls)).not.toContain('cookie-withheld-insecure')
      })
    })

    describe('when proxy is true and X-Forwarded-Proto is not https', () => {
      it('names the header in the reason', async () => {
        const { browser } = await browse(
          `{ secret: 'k', resave: false, saveUninitialized: true, proxy: true, cookie: { secure: true } }`,
        )
        const proxied = await browser.get('/', { headers: [['X-Forwarded-Proto', 'http']] })
        expect(explanationOf(proxied, 'cookie-withheld-insecure').sentence).toContain(
          '`X-Forwarded-Proto` says http, not https',
        )
      })
    })

    describe('when X-Forwarded-Proto says https but Express does not trust the proxy', () => {
      it('points at the trust proxy setting', async () => {
        const { browser } = await browse(SECURE)
        const proxied = await browser.get('/', { headers: [['X-Forwarded-Proto', 'https']] })
        expect(explanationOf(proxied, 'cookie-withheld-insecure').sentence).toContain(
          '`trust proxy`',
        )
      })
    })
  })
})
