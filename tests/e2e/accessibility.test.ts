import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, seriousViolations } from './support/axe'
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
import { page } from './support/locator'
import { showPanel, ui, visit } from './support/ui'

/** Each panel's own section, by the class its feature gives it. */
const PANEL_SELECTORS = {
  Browser: '.panel.browser-view',
  Cookies: '.panel.cookie-jar',
  Network: '.panel.network-log',
  'Session store': '.panel.store-inspector',
  Console: '.panel.server-console',
  Server: '.panel.server-controls',
} as const
type PanelName = keyof typeof PANEL_SELECTORS

for (const engine of ENGINES) {
  describe(
    `accessibility of the built site in ${engine} (axe-core: no serious or critical violations)`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      const errors: string[] = []

      async function expectNoSeriousViolations(selector?: string): Promise<void> {
        expect(describeViolations(await seriousViolations(browser, selector))).toBe('')
      }

      beforeAll(async () => {
        site = await startSite(engine)
        browser = await launch(engine)
        await browser.open(`${site.url}#/lessons`)
        await browser.waitFor(ui.lesson.role('list', 'Lessons'))
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('has none on the lesson list', async () => {
        await expectNoSeriousViolations()
      })

      it('has none on a lesson page', async () => {
        await browser.click(ui.lesson.role('link', 'Your first session'))
        await browser.waitFor(ui.step.text('Checks (0 of 3 passing)'))
        await expectNoSeriousViolations()
      })

      it('has none on the whole page once the playground has been used', async () => {
        // Requests enough for every panel to have rows, details and explanations to show.
        await visit(browser, '/')
        await browser.click(ui.shownPage.role('link', 'Visit again'))
        await browser.waitFor(ui.shownPage.role('heading', /visited this page 2 times/))
        await browser.click(ui.browserTab('Bob'))
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', /visited this page 1 time/))
        await browser.click(ui.browserTab('Alice'))
        // A selected request shows its headers and the reasons behind it.
        await browser.click(ui.networkPanel.role('row').filter('#2'))
        await browser.waitFor(ui.networkPanel.role('heading', 'Why'))
        await browser.waitFor(ui.step.text(/✓ completed/))
        await expectNoSeriousViolations()
      })

      for (const name of Object.keys(PANEL_SELECTORS) as PanelName[]) {
        it(`has none in the ${name} panel, with content in it`, async () => {
          await showPanel(browser, name)
          const panel = page.css(PANEL_SELECTORS[name])
          await browser.waitFor(panel)
          if (name === 'Session store') {
            await browser.waitFor(panel.text('2 sessions'))
            // An expanded session shows its data as a tree.
            await browser.click(panel.css('.session-row__toggle').first())
            await browser.waitFor(panel.role('button', undefined, { expanded: true }).first())
          }
          if (name === 'Console') await browser.waitFor(panel.css('.server-console__why').first())
          if (name === 'Server') await browser.waitFor(panel.css('.cm-editor'), { timeout: 10_000 })
          if (name === 'Cookies') await browser.waitFor(panel.role('row').filter('connect.sid'))
          await expectNoSeriousViolations(PANEL_SELECTORS[name])
        })
      }

      it('has none on a phone, with the lesson and with a panel shown', async () => {
        await browser.setViewport(PHONE)
        // The layout turns into tabs once React hears of the new width.
        await browser.waitFor(page.css('.layout-phone'))
        await showPanel(browser, 'Lesson')
        await browser.waitFor(ui.step)
        await expectNoSeriousViolations()
        await showPanel(browser, 'Cookies')
        await expectNoSeriousViolations()
        await browser.setViewport(DESKTOP)
      })

      it('logs no errors to the page console', async () => {
        errors.push(...(await browser.takeErrors()))
        expect(errors).toEqual([])
      })
    },
  )
}
