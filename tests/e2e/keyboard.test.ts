import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { page } from './support/locator'
import { tabTo, ui } from './support/ui'

const ALL_PASSING = /\((\d+) of \1 passing\)/

/** Only the keyboard from here on: no clicks, no scripted clicks. */
for (const engine of ENGINES) {
  describe(
    `lesson 1 with the keyboard alone, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      const errors: string[] = []

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

      it('opens the lesson from the list with Tab and Enter', async () => {
        await tabTo(browser, ui.lesson.role('link', 'Your first session'))
        await browser.press('Enter')
        await browser.waitFor(ui.step.role('heading', 'Visit the counter'))
        // The lesson's own server runs once its checks show.
        await browser.waitFor(ui.step.text('Checks (0 of 3 passing)'))
      })

      it('visits / by typing in Alice’s address bar, and the first step passes', async () => {
        await tabTo(browser, ui.addressBar)
        await browser.type('/')
        await browser.press('Enter')
        await browser.waitFor(ui.shownPage.role('heading', 'You have visited this page 1 time'))
        await browser.waitFor(ui.step.text(ALL_PASSING))
      })

      it('goes to the next step with Shift+Tab and Enter, and the step’s heading takes the focus', async () => {
        await tabTo(browser, ui.nextStep, { backwards: true })
        await browser.press('Enter')
        const heading = ui.step.role('heading', 'Come back')
        await browser.waitFor(heading)
        await browser.waitUntil(() => browser.isFocused(heading), true, 'the heading’s focus')
      })

      it('follows the link inside the shown page with Tab and Enter', async () => {
        const link = ui.shownPage.role('link', 'Visit again')
        await tabTo(browser, link)
        await browser.press('Enter')
        await browser.waitFor(ui.shownPage.role('heading', 'You have visited this page 2 times'))
        // As in a real browser, the new page has the focus: the next Tab is its link again.
        await browser.waitUntil(
          () => browser.evaluate(() => document.activeElement?.classList.contains('bv-frame')),
          true,
          'the focus in the page frame',
        )
        expect(await tabTo(browser, link)).toBe(1)
        await browser.waitFor(ui.step.text(ALL_PASSING))
        await tabTo(browser, ui.nextStep, { backwards: true })
        await browser.press('Space')
        await browser.waitFor(ui.step.role('heading', 'A second visitor'))
      })

      it('switches to Bob’s tab with the arrow keys and completes the lesson', async () => {
        await tabTo(browser, ui.browserTab('Alice'))
        await browser.press('ArrowRight')
        await browser.waitUntil(
          () => browser.isFocused(ui.browserTab('Bob')),
          true,
          'Bob’s tab focus',
        )
        expect(await browser.attribute(ui.browserTab('Bob'), 'aria-selected')).toBe('true')
        await tabTo(browser, ui.addressBar)
        await browser.type('/')
        await browser.press('Enter')
        await browser.waitFor(ui.shownPage.role('heading', 'You have visited this page 1 time'))
        await browser.waitFor(ui.step.text(ALL_PASSING))
        await browser.waitFor(ui.lesson.role('heading', 'Well done: lesson complete!'))
      })

      it('announces requests, check results and the why-sentences through polite live regions', async () => {
        const networkNews = ui.networkPanel.css('[aria-live="polite"]')
        expect(await browser.count(networkNews)).toBe(1)
        expect(await browser.text(networkNews)).toMatch(/^Bob: GET \/ → 200\b/)
        expect(await browser.text(ui.step.css('.lp-checks [aria-live="polite"]'))).toContain(
          'the lesson is complete',
        )
        // The console explains each request; every sentence sits inside its polite log.
        // (The Console is a hidden tab on a desktop: found by its class, not by role.)
        const why = page.css('.panel.server-console .server-console__why li')
        await browser.waitFor(why, { state: 'attached' })
        const liveness = await browser.evaluate(() =>
          [...document.querySelectorAll('.panel.server-console .server-console__why li')].map(
            (item) => {
              const region = item.closest('[aria-live]')
              return `${region?.getAttribute('role')}:${region?.getAttribute('aria-live')}`
            },
          ),
        )
        expect(new Set(liveness)).toEqual(new Set(['log:polite']))
      })

      it('logs no errors to the page console', async () => {
        errors.push(...(await browser.takeErrors()))
        expect(errors).toEqual([])
      })
    },
  )
}
