import { afterEach, describe, expect, it } from 'vitest'
import type { SimServer } from '../host/api'
import {
  codesOf,
  explanationOf,
  sessionApp,
  SpecBrowser,
  startServer,
} from '../../../tests/support/explanation-specs'

let server: SimServer | undefined
afterEach(() => server?.close())

async function browse(source: string) {
  server = await startServer(source)
  return { server, browser: new SpecBrowser(server) }
}

const STRICT = `{ secret: 'k', resave: false, saveUninitialized: false }`

describe('requests express-session skipped', () => {
  describe('when the store emitted disconnect', () => {
    it('explains that req.session is undefined until the store reconnects', async () => {
      const { server, browser } = await browse(sessionApp(STRICT))
      server.stores()[0]?.disconnect()
      const offline = await browser.get('/')
      expect(explanationOf(offline, 'session-store-disconnected').level).toBe('warning')
      expect(codesOf(offline)).not.toContain('session-new-no-cookie')

      server.stores()[0]?.connect()
      const online = await browser.get('/')
      expect(codesOf(online)).not.toContain('session-store-disconnected')
      expect(codesOf(online)).toContain('session-new-no-cookie')
    })
  })

  describe('when the path does not start with cookie.path', () => {
    it('explains the pathname mismatch', async () => {
      const { browser } = await browse(
        sessionApp(
          `{ secret: 'k', resave: false, saveUninitialized: true, cookie: { path: '/admin' } }`,
        ),
      )
      const outside = await browser.get('/')
      expect(explanationOf(outside, 'session-path-mismatch').sentence).toContain(
        "path `/` does not start with the session cookie's path `/admin`",
      )
      expect(codesOf(outside)).not.toContain('new-session-saved')
    })

    it('explains the skipped middleware and the one that ran, when there are two', async () => {
      const source = sessionApp('', {
        install: `app.use(session({ name: 'admin.sid', secret: 'k', resave: false, saveUninitialized: true, cookie: { path: '/admin' } }))
app.use(session({ name: 'site.sid', secret: 'k', resave: false, saveUninitialized: true }))`,
      })
      const { browser } = await browse(source)
      const home = await browser.get('/')
      expect(codesOf(home)).toEqual(
        expect.arrayContaining([
          'session-path-mismatch',
          'session-new-no-cookie',
          'session-cookie-set',
        ]),
      )
      expect(explanationOf(home, 'session-cookie-set').sentence).toContain('`site.sid`')
    })
  })

  describe('when a route answered before the session middleware', () => {
    it('explains that no session middleware ran', async () => {
      const { browser } = await browse(
        sessionApp(STRICT, { before: "app.get('/health', (req, res) => { res.send('ok') })" }),
      )
      const health = await browser.get('/health')
      expect(explanationOf(health, 'session-not-run').sentence).toContain('`GET /health`')
      const home = await browser.get('/')
      expect(codesOf(home)).not.toContain('session-not-run')
    })
  })
})
