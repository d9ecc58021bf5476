import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  PHONE,
  DESKTOP,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { page } from './support/locator'
import { logIn, openApp, realBrowserTraces, ui, visit } from './support/ui'

/**
 * Plain http on a name other than localhost is not a secure context: no browser offers service
 * workers there. The name leads to the local test server (see LaunchOptions.insecureHost).
 */
const INSECURE_HOST = 'playground.test'
const NOTICE = page.role('status').filter('straight to the simulated server')

for (const engine of ENGINES) {
  describe(
    `without service workers (plain http on a non-local name), in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver

      beforeAll(async () => {
        site = await startSite(engine)
        const url = new URL(site.url)
        browser = await launch(engine, {
          insecureHost: { name: INSECURE_HOST, server: url.origin },
        })
        url.hostname = INSECURE_HOST
        await openApp(browser, url.href)
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('is really a page without service workers', async () => {
        expect(
          await browser.evaluate(() => ({
            secure: window.isSecureContext,
            serviceWorker: typeof navigator.serviceWorker,
          })),
        ).toEqual({ secure: false, serviceWorker: 'undefined' })
      })

      it('says plainly that requests go straight to the simulated server', async () => {
        expect(await browser.count(NOTICE)).toBe(1)
        const text = await browser.text(NOTICE)
        expect(text).toMatch(/not served over https/)
        expect(text).toMatch(/Everything else works the same/)
        expect(await browser.isVisible(NOTICE)).toBe(true)
      })

      it('keeps the notice in sight on a phone', async () => {
        await browser.setViewport(PHONE)
        await browser.waitFor(page.css('.layout-phone'))
        expect(await browser.isVisible(NOTICE)).toBe(true)
        await browser.screenshot('no-service-worker')
        await browser.setViewport(DESKTOP)
      })

      it('logs Alice in through the in-page transport, with the form in the page', async () => {
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))
        await logIn(browser, 'alice', 'wonderland')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
        expect(await browser.value(ui.addressBar)).toBe('http://session.test/dashboard')

        const sid = ui.cookiePanel.role('row').filter('connect.sid')
        expect(await browser.text(sid.role('cell', 'HttpOnly: yes'))).toBe('✓')
        const post = ui.networkPanel.role('row').filter('POST')
        expect(await browser.innerText(post.role('cell').nth(2))).toMatch(/^302\b/)
        await browser.screenshot('no-service-worker')
      })

      it('leaves no cookies in the real browser', async () => {
        const traces = await realBrowserTraces(browser)
        expect(traces.documentCookie).toBe('')
        expect(traces.cookies).toEqual([])
        expect(traces.mswCookieStore).toBe('[]')
      })

      it('logs no errors to the page console', async () => {
        expect(await browser.takeErrors()).toEqual([])
      })
    },
  )
}
