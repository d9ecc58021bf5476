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

async function loggedIn(options = `{ secret: 'k', resave: false, saveUninitialized: false }`) {
  server = await startServer(sessionApp(options))
  const browser = new SpecBrowser(server)
  const first = await browser.get('/count')
  const id = sessionIdIn(first.ok ? first.setCookies[0] : undefined)
  return { server, browser, id }
}

describe('what the route did with the session', () => {
  describe('when the route regenerates the session', () => {
    it('explains the old id destroyed, the new one saved, and the new cookie', async () => {
      const { browser, id } = await loggedIn()
      const regenerated = await browser.get('/regenerate')
      const newId = sessionIdIn(regenerated.ok ? regenerated.setCookies[0] : undefined)
      const { sentence } = explanationOf(regenerated, 'session-regenerated')
      expect(sentence).toContain(id.slice(0, 8))
      expect(sentence).toContain(newId.slice(0, 8))
      expect(explanationOf(regenerated, 'session-cookie-set').sentence).toContain(newId.slice(0, 8))
      expect(codesOf(regenerated)).not.toContain('session-destroyed')
    })
  })

  describe('when the route destroys the session', () => {
    it('explains that the browser keeps a stale cookie', async () => {
      const { server, browser, id } = await loggedIn()
      const destroyed = await browser.get('/destroy')
      expect(explanationOf(destroyed, 'session-destroyed')).toMatchObject({
        level: 'warning',
        sentence: expect.stringContaining('stale `connect.sid` cookie'),
      })
      expect(explanationOf(destroyed, 'session-destroyed').sentence).toContain(id.slice(0, 8))
      expect(server.stores()[0]?.entries()).toEqual({})
      expect(codesOf(destroyed)).not.toContain('session-regenerated')
      expect(codesOf(destroyed)).not.toContain('session-unset-kept')
    })

    it('explains that both are gone when the route also clears the cookie', async () => {
      const { browser } = await loggedIn()
      const loggedOut = await browser.get('/logout')
      expect(codesOf(loggedOut)).toContain('session-destroyed-cookie-cleared')
      expect(codesOf(loggedOut)).not.toContain('session-destroyed')
      expect(codesOf(loggedOut)).not.toContain('session-cookie-set')
    })
  })

  describe('unset', () => {
    describe("when it is 'destroy' and the route sets req.session to null", () => {
      it('explains that express-session destroyed the stored session', async () => {
        const { server, browser, id } = await loggedIn(
          `{ secret: 'k', resave: false, saveUninitialized: false, unset: 'destroy' }`,
        )
        const unset = await browser.get('/unset')
        expect(explanationOf(unset, 'session-unset-destroyed').sentence).toContain(id.slice(0, 8))
        expect(server.stores()[0]?.entries()).toEqual({})
        expect(codesOf(unset)).not.toContain('session-destroyed')
      })
    })

    describe("when it is 'keep' and the route sets req.session to null", () => {
      it('explains that the store was left untouched', async () => {
        const { server, browser, id } = await loggedIn()
        const unset = await browser.get('/unset')
        expect(codesOf(unset)).toContain('session-unset-kept')
        expect(Object.keys(server.stores()[0]?.entries() ?? {})).toEqual([id])
        expect(codesOf(unset)).not.toContain('session-unset-destroyed')
      })
    })
  })
})
