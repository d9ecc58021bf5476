import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT_MS,
  DESKTOP,
  ENGINES,
  launch,
  PHONE,
  startSite,
  type Driver,
  type Site,
} from './support/driver'
import {
  expectStepPassedAndGreen,
  goToNextStep,
  logIn,
  openApp,
  runServerCode,
  showPanel,
  ui,
  visit,
} from './support/ui'

/**
 * DevTools' reasons in the panels, in the built site. Lesson 11's first two steps done as its
 * text says, without "Do it for me": log in with the form on `/`, follow a cross-site link,
 * move the clock past Chrome's two-minute window, send the forged form; the panels then name
 * the withheld cookie as DevTools does. Then a server of our own sets a cookie for another path
 * and a SameSite=None cookie without Secure: a refused line, and a filtered-out request cookie
 * behind its switch. Screenshots at a desktop and a phone size land in screenshots/.
 */
for (const engine of ENGINES) {
  describe(`DevTools' reasons in ${engine}`, { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
    let site: Site
    let browser: Driver

    beforeAll(async () => {
      site = await startSite(engine)
      browser = await launch(engine)
      await openApp(browser, `${site.url}#/lessons/11-samesite`)
      await browser.waitFor(ui.step.role('heading', 'Follow a link from another site'))
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    it('lesson 11: logs Alice in with the form on /, and a cross-site link keeps her logged in', async () => {
      await browser.click(ui.browserTab('Alice'))
      await visit(browser, '/')
      await logIn(browser, 'alice', 'wonderland')
      await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
      await browser.click(
        ui.browserPanel.role('switch', 'Request comes from another site (cross-site)'),
      )
      await visit(browser, '/dashboard')
      await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
      await expectStepPassedAndGreen(browser)
    })

    it('lesson 11: withholds her cookie from the forged POST 3 minutes on, and says why', async () => {
      await goToNextStep(browser, 'A forged form from another site')
      await browser.fill(ui.region('Virtual clock').label('Fast-forward by'), '3m')
      await browser.click(ui.region('Virtual clock').role('button', 'Go', { exact: true }))
      await browser.fill(ui.shownPage.label('To'), 'mallory')
      await browser.fill(ui.shownPage.label('Amount'), '100')
      await browser.click(ui.shownPage.role('button', 'Send money'))
      await browser.waitFor(ui.shownPage.role('heading', 'Log in first'))

      const blocked = ui.cookiePanel.role('region', 'Blocked in the latest navigation')
      await browser.waitFor(blocked.text('SchemefulSameSiteUnspecifiedTreatedAsLax'))
      expect(await browser.text(blocked)).toContain('No SameSite attribute')
      await browser.screenshot('samesite-cookies')

      await browser.click(ui.networkPanel.role('row').filter('/transfer').last())
      const details = ui.networkPanel.role('region', /POST \/transfer/)
      await browser.waitFor(details.text('SchemefulSameSiteUnspecifiedTreatedAsLax'))
      await browser.screenshot('samesite-network')
      await expectStepPassedAndGreen(browser)
      expect(await browser.takeErrors()).toEqual([])
    })

    it('lists a refused line at once, and the other path’s cookie behind the switch', async () => {
      await openApp(browser, site.url)
      await runServerCode(
        browser,
        `const express = require('express')
const app = express()
app.get('/', (req, res) => {
  res.cookie('admin', 'yes', { path: '/admin' })
  res.cookie('theme', 'dark', { sameSite: 'none' })
  res.send('<h1>Home</h1>')
})
app.listen(3000)`,
      )
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Home'))
      await visit(browser, '/')
      const blocked = ui.cookiePanel.role('region', 'Blocked in the latest navigation')
      await browser.waitFor(blocked.text('SameSiteNoneInsecure'))
      expect(await browser.count(blocked.text('NotOnPath'))).toBe(0)
      await browser.click(blocked.label(/Show filtered-out request cookies \(1/))
      await browser.waitFor(blocked.text('NotOnPath'))
      await browser.screenshot('reasons-cookies')

      await browser.click(ui.networkPanel.role('row').filter('theme').last())
      const details = ui.networkPanel.role('region', /GET \//)
      await browser.click(details.label(/Show filtered-out request cookies/))
      const withheld = details.role('listitem').filter('NotOnPath')
      expect(await browser.text(withheld)).toMatch(/^admin NotOnPath The request’s path/)
      await browser.screenshot('reasons-network')

      await browser.setViewport(PHONE)
      await showPanel(browser, 'Cookies')
      await browser.screenshot('reasons-cookies')
      await browser.setViewport(DESKTOP)
      expect(await browser.takeErrors()).toEqual([])
    })
  })
}
