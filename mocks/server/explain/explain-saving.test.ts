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

/** A store with get/set/destroy only: express-session checks `typeof store.touch` once. */
const STORE_WITHOUT_TOUCH = `
class NoTouchStore extends session.Store {
  constructor() { super(); this.data = {} }
  get(id, cb) { setImmediate(() => cb(null, this.data[id] ? JSON.parse(this.data[id]) : null)) }
  set(id, sess, cb) { this.data[id] = JSON.stringify(sess); setImmediate(cb) }
  destroy(id, cb) { delete this.data[id]; setImmediate(cb) }
}`

describe('saving the session at the end of the response', () => {
  describe('saveUninitialized', () => {
    describe('when it is true and the route leaves the new session empty', () => {
      it('explains that the new session was stored anyway', async () => {
        const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: true }`)
        const first = await browser.get('/')
        const id = sessionIdIn(first.ok ? first.setCookies[0] : undefined)
        expect(explanationOf(first, 'new-session-saved').sentence).toContain(id.slice(0, 8))
        expect(codesOf(first)).not.toContain('new-session-discarded')
      })
    })

    describe('when it is false and the route puts data in the new session', () => {
      it('explains that the session was saved because it was modified', async () => {
        const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
        const first = await browser.get('/count')
        expect(explanationOf(first, 'new-session-saved-modified').sentence).toContain(
          '`saveUninitialized` false',
        )
        expect(codesOf(first)).not.toContain('new-session-saved')
      })
    })

    describe('when it is false and the route leaves the new session empty', () => {
      it('explains that nothing was stored and no cookie was sent', async () => {
        const { server, browser } = await browse(
          `{ secret: 'k', resave: false, saveUninitialized: false }`,
        )
        const first = await browser.get('/')
        expect(explanationOf(first, 'new-session-discarded').level).toBe('info')
        expect(server.stores()[0]?.entries()).toEqual({})
        expect(first.ok && first.setCookies).toEqual([])
      })
    })
  })

  describe('resave', () => {
    describe('when it is false and the route changes the loaded session', () => {
      it('explains that the changed session was saved back', async () => {
        const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
        await browser.get('/count')
        const second = await browser.get('/count')
        expect(codesOf(second)).toContain('loaded-session-saved')
        expect(codesOf(second)).not.toContain('loaded-session-touched')
      })
    })

    describe('when it is false and the route only reads the session', () => {
      it('explains that the session was touched, not saved', async () => {
        const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
        await browser.get('/count')
        const read = await browser.get('/')
        const { sentence } = explanationOf(read, 'loaded-session-touched')
        expect(sentence).toContain('`store.touch`')
        expect(codesOf(read)).not.toContain('loaded-session-saved')
        // This cookie has no maxAge: there is no expiry for the touch to renew.
        expect(sentence).toContain('its cookie has no expiry')
        expect(sentence).not.toContain('renews its expiry')
      })

      it('says the touch renews the expiry when the cookie has one', async () => {
        const { browser } = await browse(
          `{ secret: 'k', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
        )
        await browser.get('/count')
        const read = await browser.get('/')
        expect(explanationOf(read, 'loaded-session-touched').sentence).toContain(
          'which only renews its expiry in the store',
        )
      })
    })

    describe('when it is true and the route only reads the session', () => {
      it('explains that the unchanged session was saved anyway', async () => {
        const { browser } = await browse(`{ secret: 'k', resave: true, saveUninitialized: false }`)
        await browser.get('/count')
        const read = await browser.get('/')
        expect(explanationOf(read, 'loaded-session-resaved').sentence).toContain('`resave` is true')
        expect(codesOf(read)).not.toContain('loaded-session-touched')
      })
    })

    describe('when it is false and the store has no touch method', () => {
      it('explains that nothing was written to the store', async () => {
        const { browser } = await browse(
          `{ store: new NoTouchStore(), secret: 'k', resave: false, saveUninitialized: false }`,
          { before: STORE_WITHOUT_TOUCH },
        )
        await browser.get('/count')
        const read = await browser.get('/')
        expect(explanationOf(read, 'loaded-session-unchanged').sentence).toContain(
          'no `touch` method',
        )
        expect(codesOf(read)).not.toContain('loaded-session-touched')
      })
    })
  })

  describe('when the route saves the loaded session itself', () => {
    it('explains that the end of the request only touched it', async () => {
      const { browser } = await browse(`{ secret: 'k', resave: false, saveUninitialized: false }`)
      await browser.get('/count')
      const saved = await browser.get('/save-in-route')
      expect(codesOf(saved)).toContain('session-saved-by-route')
      expect(codesOf(saved)).not.toContain('loaded-session-touched')
      expect(codesOf(saved)).not.toContain('loaded-session-saved')
    })
  })
})
