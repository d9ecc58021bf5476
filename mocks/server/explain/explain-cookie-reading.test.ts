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

const STRICT = `{ secret: 'keyboard cat', resave: false, saveUninitialized: false }`

let server: SimServer | undefined
afterEach(() => server?.close())

async function browse(options: string, parts = {}) {
  server = await startServer(sessionApp(options, parts))
  return { server, browser: new SpecBrowser(server) }
}

describe('reading the session cookie', () => {
  describe('when the browser sends no session cookie', () => {
    it('explains that express-session started a new session because no SID was sent', async () => {
      const { browser } = await browse(STRICT)
      const first = await browser.get('/')
      expect(explanationOf(first, 'session-new-no-cookie')).toMatchObject({
        level: 'info',
        sentence: expect.stringContaining('no `connect.sid` cookie'),
      })
    })

    it('names the configured cookie', async () => {
      const { browser } = await browse(
        `{ name: 'app.sid', secret: 'k', resave: false, saveUninitialized: false }`,
      )
      const first = await browser.get('/')
      expect(explanationOf(first, 'session-new-no-cookie').sentence).toContain('`app.sid`')
    })
  })

  describe('when a valid cookie brings back a stored session', () => {
    it('explains that the session was loaded from the store, and not that a new one started', async () => {
      const { browser } = await browse(STRICT)
      const login = await browser.get('/count')
      const id = sessionIdIn(login.ok ? login.setCookies[0] : undefined)
      const back = await browser.get('/count')
      expect(explanationOf(back, 'session-loaded').sentence).toContain(id.slice(0, 8))
      expect(codesOf(back)).not.toContain('session-new-no-cookie')
      expect(codesOf(login)).not.toContain('session-loaded')
    })
  })

  describe('when the cookie signature was tampered', () => {
    it('explains that express-session ignored the cookie and started a new session', async () => {
      const { browser } = await browse(STRICT)
      await browser.get('/count')
      // Tampered in its decoded form: cutting into a %XX escape would leave a value that is not
      // a signed cookie at all, a different case.
      const value = decodeURIComponent(browser.cookies.get('connect.sid') ?? '')
      browser.cookies.set(
        'connect.sid',
        encodeURIComponent(value.slice(0, -3) + (value.endsWith('AAA') ? 'BBB' : 'AAA')),
      )
      const tampered = await browser.get('/count')
      expect(explanationOf(tampered, 'cookie-signature-invalid').level).toBe('warning')
      expect(codesOf(tampered)).not.toContain('session-loaded')
      expect(codesOf(tampered)).not.toContain('session-new-no-cookie')
    })
  })

  describe('when the cookie was signed with another secret', () => {
    it('explains the invalid signature after the secret changed on restart', async () => {
      const { server, browser } = await browse(STRICT)
      await browser.get('/count')
      await server.restart(sessionApp(STRICT.replace('keyboard cat', 'new secret')))
      const after = await browser.get('/count')
      expect(codesOf(after)).toContain('cookie-signature-invalid')
    })
  })

  describe('when the cookie value is not signed', () => {
    it('explains that a value without the s: prefix is ignored', async () => {
      const { browser } = await browse(STRICT)
      browser.cookies.set('connect.sid', 'just-an-id')
      const unsigned = await browser.get('/')
      expect(explanationOf(unsigned, 'cookie-unsigned').sentence).toContain('`s:`')
      expect(codesOf(unsigned)).not.toContain('cookie-signature-invalid')
    })
  })

  describe('when only cookie-parser can verify the cookie', () => {
    it('explains the deprecated fallback to the id cookie-parser unsigned', async () => {
      const { browser } = await browse(
        `{ secret: 'session secret', resave: false, saveUninitialized: false }`,
        {
          before: `app.use(cookieParser('parser secret'))
app.get('/sign', (req, res) => { res.cookie('connect.sid', 'made-up-id', { signed: true }); res.send('signed') })`,
        },
      )
      await browser.get('/sign')
      const fallback = await browser.get('/')
      expect(explanationOf(fallback, 'cookie-read-via-cookie-parser').level).toBe('warning')
      expect(codesOf(fallback)).toContain('session-not-in-store')
      expect(codesOf(fallback)).not.toContain('cookie-signature-invalid')
    })
  })

  describe('when the stored session expired', () => {
    it('explains that the store dropped the expired session and a new id was issued', async () => {
      const { server, browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
      )
      await browser.get('/count')
      server.advanceClock(61_000)
      const late = await browser.get('/count')
      expect(explanationOf(late, 'session-expired-in-store').sentence).toContain('expired')
      expect(codesOf(late)).not.toContain('session-not-in-store')
    })

    it('still loads the session just before it expires', async () => {
      const { server, browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
      )
      await browser.get('/count')
      server.advanceClock(59_000)
      const inTime = await browser.get('/count')
      expect(codesOf(inTime)).toContain('session-loaded')
      expect(codesOf(inTime)).not.toContain('session-expired-in-store')
    })
  })

  describe('when the store no longer has the session', () => {
    it('explains an unknown id after the store entry was deleted', async () => {
      const { server, browser } = await browse(STRICT)
      const first = await browser.get('/count')
      const id = sessionIdIn(first.ok ? first.setCookies[0] : undefined)
      server.stores()[0]?.delete(id)
      const again = await browser.get('/count')
      expect(explanationOf(again, 'session-not-in-store').sentence).toContain(id.slice(0, 8))
      expect(codesOf(again)).not.toContain('session-expired-in-store')
    })

    it('explains an unknown id after a server restart emptied the MemoryStore', async () => {
      const { server, browser } = await browse(STRICT)
      await browser.get('/count')
      await server.restart()
      const again = await browser.get('/count')
      expect(codesOf(again)).toContain('session-not-in-store')
    })
  })

  describe('when genid returns something other than a string', () => {
    it('explains that the session can be neither saved nor sent', async () => {
      const { browser } = await browse(
        `{ secret: 'k', resave: false, saveUninitialized: true, genid: () => 42 }`,
      )
      const first = await browser.get('/count')
      expect(explanationOf(first, 'session-id-not-string').sentence).toContain(
        '`genid` returned 42',
      )
      expect(codesOf(first)).not.toContain('new-session-saved')
      expect(first.ok && first.setCookies).toEqual([])
    })
  })
})
