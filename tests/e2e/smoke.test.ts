import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DESKTOP,
  ENGINES,
  launch,
  PHONE,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { logIn, openApp, pageOverflow, realBrowserTraces, ui, visit } from './support/ui'

for (const engine of ENGINES) {
  describe(`the built site in ${engine}`, { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
    let site: Site
    let browser: Driver
    const errors: string[] = []

    beforeAll(async () => {
      site = await startSite(engine)
      browser = await launch(engine)
      await openApp(browser, site.url)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    it('is controlled by the MSW service worker registered under the base path', async () => {
      const scope = await browser.evaluate(async () => (await navigator.serviceWorker.ready).scope)
      expect(new URL(scope).pathname).toBe('/session-playground/')
    })

    it('completes the login flow in Alice’s tab, on the real Express stack in the server worker', async () => {
      expect(
        await browser.text(ui.browserPanel.role('tab', undefined, { selected: true })),
      ).toContain('Alice')
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))
      expect(await browser.value(ui.addressBar)).toBe('http://session.test/')

      await logIn(browser, 'alice', 'nope')
      await browser.waitFor(ui.shownPage.text('Wrong username or password'))
      await browser.waitFor(ui.browserPanel.text('401 Unauthorized'))
      await browser.click(ui.shownPage.role('link', 'Try again'))
      await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))

      await logIn(browser, 'alice', 'wonderland')
      await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
      expect(await browser.value(ui.addressBar)).toBe('http://session.test/dashboard')

      const sid = ui.cookiePanel.role('row').filter('connect.sid')
      await browser.waitFor(sid)
      expect(await browser.text(sid.role('cell', 'HttpOnly: yes'))).toBe('✓')
      expect(await browser.count(sid.text(/^s%3A[\w-]{32}\./))).toBe(1)
      await browser.waitFor(ui.cookiePanel.text(/Signature verifies with secret #1/))
      await browser.screenshot('logged-in')
      await browser.setViewport(PHONE)
      await browser.click(ui.layoutTab('Browser'))
      await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
      await browser.screenshot('logged-in')
      expect((await pageOverflow(browser)).x).toBe(0)
      await browser.setViewport(DESKTOP)

      await browser.click(ui.shownPage.role('button', 'Log out'))
      await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))
      expect(await browser.value(ui.addressBar)).toBe('http://session.test/')

      // The session is gone from the store: the old cookie no longer opens the dashboard.
      await visit(browser, '/dashboard')
      await browser.waitUntil(() => browser.value(ui.addressBar), 'http://session.test/', 'address')
      await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))
      errors.push(...(await browser.takeErrors()))
    })

    it('keeps simulated cookies out of the real browser', async () => {
      const traces = await realBrowserTraces(browser)
      expect(traces.documentCookie).toBe('')
      expect(traces.cookies).toEqual([])
      expect(traces.mswCookieStore).toBe('[]')
    })

    it('logs no errors to the page console', async () => {
      errors.push(...(await browser.takeErrors()))
      expect(errors).toEqual([])
    })
  })
}
