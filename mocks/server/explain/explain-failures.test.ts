import { afterEach, describe, expect, it } from 'vitest'
import type { SimServer } from '../host/api'
import { explainRequest } from './explain-request'
import {
  codesOf,
  explanationOf,
  produced,
  sessionApp,
  SpecBrowser,
  startServer,
} from '../../../tests/support/explanation-specs'

const STRICT = `{ secret: 'k', resave: false, saveUninitialized: false }`

let server: SimServer | undefined
afterEach(() => server?.close())

async function browse(source: string, requestTimeoutMs?: number) {
  server = await startServer(source, requestTimeoutMs)
  return { server, browser: new SpecBrowser(server) }
}

/** A MemoryStore whose reads fail once `/break-store` was visited. */
const FLAKY_STORE = `
let broken = false
class FlakyStore extends session.MemoryStore {
  get(id, cb) {
    if (broken) return setImmediate(() => cb(new Error('connection refused')))
    return super.get(id, cb)
  }
}
app.get('/break-store', (req, res) => { broken = true; res.send('broken') })`

const FULL_STORE = `
class FullStore extends session.MemoryStore {
  set(id, sess, cb) { setImmediate(() => cb(new Error('disk full'))) }
}`

describe('requests that failed', () => {
  describe('when a timer throws during the request', () => {
    it('explains that the server crashed, with the error and where it was thrown', async () => {
      const { browser } = await browse(sessionApp(STRICT))
      const crashed = await browser.get('/crash')
      expect(crashed.ok).toBe(false)
      const { level, sentence } = explanationOf(crashed, 'server-crashed')
      expect(level).toBe('error')
      expect(sentence).toContain('`RangeError: timer broke`')
      expect(sentence).toMatch(/ at server\.js:\d+:\d+ /)
      expect(crashed.explanations[0]?.code).toBe('server-crashed')
    })

    it('explains on the next request that the server is down', async () => {
      const { browser } = await browse(sessionApp(STRICT))
      await browser.get('/crash')
      const next = await browser.get('/')
      expect(codesOf(next)).toEqual(['server-down'])
    })
  })

  describe('when the route calls process.exit', () => {
    it('explains that the process stopped', async () => {
      const { browser } = await browse(sessionApp(STRICT))
      const exited = await browser.get('/exit')
      expect(explanationOf(exited, 'server-exited').sentence).toContain(
        'process.exit(3) was called',
      )
      expect(codesOf(exited)).not.toContain('server-crashed')
      expect(codesOf(exited)).not.toContain('express-error')
    })
  })

  describe('when no server is running', () => {
    it('explains why there was no response', async () => {
      const { server, browser } = await browse(sessionApp(STRICT))
      await server.restart('const broken = (')
      const refused = await browser.get('/')
      expect(explanationOf(refused, 'server-not-running').sentence).toContain('failed to start')
    })
  })

  describe('when the route never ends the response', () => {
    it('explains the timeout and that nothing was saved', async () => {
      const { browser } = await browse(sessionApp(STRICT), 300)
      const hung = await browser.get('/hang')
      expect(explanationOf(hung, 'server-timeout').sentence).toContain('never got to')
      expect(codesOf(hung)).not.toContain('new-session-discarded')
    })
  })

  describe('when the route destroys the socket', () => {
    it('explains the reset connection', async () => {
      const { browser } = await browse(
        sessionApp(STRICT, { routes: "app.get('/reset', (req, res) => { res.destroy() })" }),
      )
      const reset = await browser.get('/reset')
      expect(codesOf(reset)).toContain('connection-reset')
    })
  })

  describe('when the engine reports a failure it has no specific explanation for', () => {
    it('passes its code and message on', () => {
      const explanations = produced(
        explainRequest({
          requestId: 1,
          request: { method: 'GET', url: '/', headers: [] },
          outcome: { ok: false, error: { code: 'SERVER_ERROR', message: 'realm exploded.' } },
          events: [],
          middlewares: [],
        }),
      )
      expect(explanations).toEqual([
        {
          code: 'request-failed',
          level: 'error',
          sentence: 'The request failed (SERVER_ERROR): realm exploded.',
        },
      ])
    })
  })
})

describe("errors answered by Express's final handler", () => {
  describe('when a route throws', () => {
    it('explains the 500 with the error, before the session story', async () => {
      const { browser } = await browse(sessionApp(STRICT))
      const failed = await browser.get('/throw')
      expect(failed.explanations[0]).toMatchObject({
        code: 'express-error',
        level: 'error',
        sentence: expect.stringContaining('answered 500'),
      })
      expect(explanationOf(failed, 'express-error').sentence).toContain(
        '`TypeError: the route broke`',
      )
      expect(codesOf(failed)).toContain('session-new-no-cookie')
    })
  })

  describe('when the route fails after sending its response', () => {
    it('explains that Express could only close the connection', async () => {
      const { browser } = await browse(
        sessionApp(STRICT, {
          routes:
            "app.get('/send-then-fail', (req, res, next) => { res.send('ok'); next(new Error('after')) })",
        }),
      )
      const late = await browser.get('/send-then-fail')
      expect(codesOf(late)).toContain('error-after-headers-sent')
      expect(codesOf(late)).not.toContain('express-error')
    })
  })

  describe('when no route matches', () => {
    it('explains the 404', async () => {
      const { browser } = await browse(sessionApp(STRICT))
      const missing = await browser.get('/nowhere?x=1')
      expect(explanationOf(missing, 'route-not-found').sentence).toContain('`GET /nowhere`')
      expect(codesOf(missing)).not.toContain('express-error')
      expect(codesOf(await browser.get('/'))).not.toContain('route-not-found')
    })
  })

  describe('when the session middleware has no secret', () => {
    it('explains the missing secret instead of a generic 500', async () => {
      const { browser } = await browse(sessionApp(`{ resave: false, saveUninitialized: false }`))
      const failed = await browser.get('/')
      expect(failed.ok && failed.status).toBe(500)
      expect(codesOf(failed)).toEqual(['secret-missing'])
    })

    it('explains nothing of the kind when cookie-parser provides req.secret', async () => {
      const { browser } = await browse(
        sessionApp(`{ resave: false, saveUninitialized: false }`, {
          before: "app.use(cookieParser('k'))",
        }),
      )
      const served = await browser.get('/')
      expect(codesOf(served)).not.toContain('secret-missing')
    })
  })

  describe('when the store fails to load the session', () => {
    it('explains the store error behind the 500', async () => {
      const { browser } = await browse(
        sessionApp(
          `{ store: new FlakyStore(), secret: 'k', resave: false, saveUninitialized: false }`,
          {
            before: FLAKY_STORE,
          },
        ),
      )
      await browser.get('/count')
      await browser.get('/break-store')
      const failed = await browser.get('/count')
      expect(failed.ok && failed.status).toBe(500)
      expect(explanationOf(failed, 'store-get-error').sentence).toContain(
        'Error: connection refused',
      )
      expect(codesOf(failed)).not.toContain('express-error')
      expect(codesOf(failed)).not.toContain('session-loaded')
    })
  })

  describe('when the store fails to save the session', () => {
    it('explains the lost write although the response looked normal', async () => {
      const { browser } = await browse(
        sessionApp(
          `{ store: new FullStore(), secret: 'k', resave: false, saveUninitialized: false }`,
          {
            before: FULL_STORE,
          },
        ),
      )
      const saved = await browser.get('/count')
      expect(saved.ok && saved.status).toBe(200)
      expect(explanationOf(saved, 'store-write-error').sentence).toContain('`set`')
      expect(explanationOf(saved, 'store-write-error').sentence).toContain('Error: disk full')
      expect(codesOf(saved)).not.toContain('error-after-headers-sent')
    })
  })
})
