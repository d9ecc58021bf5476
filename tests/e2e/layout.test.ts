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
import { page } from './support/locator'
import { openApp, pageOverflow, showPanel, ui } from './support/ui'

/**
 * What a learner sees at a laptop's 1280 × 800 and a phone's 390 × 844: the columns and fields
 * the lessons point at, an editor tall enough to read, panes that can be resized (and stay so),
 * and on a phone where the step stands while another panel is open.
 */

/** Several actions, each a request and a store read: a loaded 2-core machine needs the time. */
const STEP_PASS_MS = 10_000

/** The columns lesson steps name, in the cookie table and the network log. */
const COOKIE_COLUMNS = [
  'Name',
  'Value',
  'Domain',
  'Path',
  'Expires / Max-Age',
  'HttpOnly',
  'Secure',
  'SameSite',
]
const NETWORK_COLUMNS = ['#', 'Request', 'Status', 'Profile', 'Cookie sent', 'Set-Cookie received']

interface TableFit {
  /** How far the table's scroller scrolls sideways. */
  overflow: number
  /** Headers (by accessible name) that lie outside the scroller's visible width. */
  cutOff: string[]
  /** Every header's accessible name. */
  headers: string[]
}

/** How the table inside `scrollerSelector` fits it, read in the page. */
function tableFit(browser: Driver, scrollerSelector: string): Promise<TableFit> {
  return browser.evaluate((selector: string) => {
    const scroller = document.querySelector(selector)
    if (!scroller) throw new Error(`no ${selector} on the page`)
    const box = scroller.getBoundingClientRect()
    const headers = [...scroller.querySelectorAll('thead th')].filter(
      (header) => getComputedStyle(header).display !== 'none',
    )
    const nameOf = (header: Element) =>
      header.getAttribute('aria-label') ?? (header.textContent ?? '').trim()
    return {
      overflow: scroller.scrollWidth - scroller.clientWidth,
      headers: headers.map(nameOf),
      cutOff: headers
        .filter((header) => {
          const cell = header.getBoundingClientRect()
          return cell.left < box.left - 0.5 || cell.right > box.right + 0.5
        })
        .map(nameOf),
    }
  }, scrollerSelector)
}

async function expectColumnsInView(browser: Driver, selector: string, names: string[]) {
  const fit = await tableFit(browser, selector)
  expect(fit.headers).toEqual(expect.arrayContaining(names))
  expect(fit.cutOff).toEqual([])
  expect(fit.overflow).toBeLessThanOrEqual(0)
}

/** Waits until the editor shows at least 15 rows; fails with the number it shows. */
async function expectFifteenRows(browser: Driver): Promise<void> {
  const enough = async () => {
    const rows = await editorRowsInSight(browser)
    return rows >= 15 ? 'at least 15' : `${rows.toFixed(1)} rows`
  }
  await browser.waitUntil(enough, 'at least 15', 'the editor')
}

/** Editor rows in sight (inside its pane and the window), in single lines of text. */
function editorRowsInSight(browser: Driver): Promise<number> {
  return browser.evaluate(() => {
    const editor = document.querySelector('.cm-editor .cm-scroller')
    const pane = editor?.closest('.layout-pane, .layout-tabpanel')
    const lines = [...document.querySelectorAll('.cm-editor .cm-line')]
    if (!editor || !pane || lines.length === 0) return 0
    const rowHeight = Math.min(...lines.map((line) => line.getBoundingClientRect().height))
    const shown = editor.getBoundingClientRect()
    const frame = pane.getBoundingClientRect()
    const top = Math.max(shown.top, frame.top, 0)
    const bottom = Math.min(shown.bottom, frame.bottom, window.innerHeight)
    return Math.max(0, bottom - top) / rowHeight
  })
}

/** How far the lesson column scrolls sideways (its code and long identifiers must wrap). */
function sidewaysInLesson(browser: Driver): Promise<number> {
  return browser.evaluate(() => {
    const lesson = document.querySelector('.layout-lesson')
    return lesson ? lesson.scrollWidth - lesson.clientWidth : Number.NaN
  })
}

/** The part of the open request's details in sight, in pixels. */
function detailsInSight(browser: Driver): Promise<number> {
  return browser.evaluate(() => {
    const details = document.querySelector('.network-log__details')
    const pane = details?.closest('.layout-pane')
    if (!details || !pane) return 0
    const shown = details.getBoundingClientRect()
    const frame = pane.getBoundingClientRect()
    return Math.max(0, Math.min(shown.bottom, frame.bottom) - Math.max(shown.top, frame.top))
  })
}

const networkSplit = page.role('separator', 'Resize Network and Session store, Console, Server')
const columnsSplit = page.role('separator', 'Resize the left and right columns')
const PREFERENCES_KEY = 'session-playground:preferences'

for (const engine of ENGINES) {
  describe(
    `the layout at 1280×800 and 390×844, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      const errors: string[] = []

      /** Does the current step for the learner and waits until all its checks pass. */
      async function doStep(step: number): Promise<void> {
        await browser.waitFor(ui.step.text(new RegExp(`^Step ${step} of \\d+$`, 'i')))
        await browser.waitFor(ui.step.text(/^Checks \(\d+ of \d+ passing\)$/))
        await browser.click(ui.step.role('button', 'Do it for me'))
        // The walkthrough may still be acting after the checks pass; its end moves the buttons.
        await browser.waitFor(ui.step.role('button', 'Do it for me'), { timeout: STEP_PASS_MS })
        await browser.waitFor(ui.step.text(/^Checks \((\d+) of \1 passing\)$/), {
          timeout: STEP_PASS_MS,
        })
      }

      /** A syntax error in server.js, as a learner makes one: `require('express-session') =`. */
      async function breakServerCode(): Promise<void> {
        const editor = ui.serverPanel.role('textbox', 'server.js')
        await browser.click(editor.css('.cm-line').nth(3))
        await browser.press('End')
        await browser.type(' =')
      }

      beforeAll(async () => {
        site = await startSite(engine)
        browser = await launch(engine)
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('shows every cookie and request column lesson 2 compares, without scrolling sideways', async () => {
        await openApp(browser, `${site.url}#/lessons/02-session-cookie`)
        await doStep(1)
        await browser.click(ui.nextStep)
        await doStep(2)
        // Step 2: "Compare the two cookies in Alice's jar: only connect.sid is marked HttpOnly".
        const sid = ui.cookiePanel.role('row').filter('connect.sid')
        const theme = ui.cookiePanel.role('row').filter('theme')
        expect(await browser.isVisible(sid.role('cell', 'HttpOnly: yes'))).toBe(true)
        expect(await browser.isVisible(theme.role('cell', 'HttpOnly: no'))).toBe(true)
        await expectColumnsInView(browser, '.cj-table-scroll', COOKIE_COLUMNS)
        await expectColumnsInView(browser, '.network-log__scroller', NETWORK_COLUMNS)
        expect(await pageOverflow(browser)).toEqual({ x: 0, y: 0 })
        expect(await sidewaysInLesson(browser)).toBe(0)
        await browser.screenshot('lesson-2-step-2')

        // Step 3 gives the cookie an Expires date, the widest thing the table shows.
        await browser.click(ui.nextStep)
        await doStep(3)
        await browser.waitFor(sid.css('.cj-expiry time'))
        await expectColumnsInView(browser, '.cj-table-scroll', COOKIE_COLUMNS)
        await expectColumnsInView(browser, '.network-log__scroller', NETWORK_COLUMNS)
        errors.push(...(await browser.takeErrors()))
      })

      it('shows the Server tab’s editor at least 15 lines high, a load error included', async () => {
        await showPanel(browser, 'Server')
        const editor = ui.serverPanel.role('textbox', 'server.js')
        await browser.waitFor(editor)
        await expectFifteenRows(browser)

        await breakServerCode()
        await browser.click(ui.serverPanel.role('button', 'Run', { exact: true }))
        await browser.waitFor(ui.serverPanel.role('alert'))
        await expectFifteenRows(browser)
        expect(await pageOverflow(browser)).toEqual({ x: 0, y: 0 })
        await browser.screenshot('server-load-error')
        await browser.click(ui.serverPanel.role('button', 'Reset to original'))
        await browser.waitFor(ui.serverPanel.role('alert'), { state: 'detached' })
        errors.push(...(await browser.takeErrors()))
      })

      it('lets request details grow with a keyboard splitter, and remembers the sizes', async () => {
        await showPanel(browser, 'Session store')
        await browser.click(ui.networkPanel.role('row').filter('#2'))
        await browser.waitFor(ui.networkPanel.css('.network-log__details'))
        const before = await detailsInSight(browser)
        expect(before).toBeGreaterThanOrEqual(180)

        const start = Number(await browser.attribute(networkSplit, 'aria-valuenow'))
        await browser.click(networkSplit)
        for (let press = 0; press < 5; press++) await browser.press('ArrowDown')
        await browser.waitUntil(
          () => browser.attribute(networkSplit, 'aria-valuenow'),
          String(start + 10),
          'the network split',
        )
        expect(await detailsInSight(browser)).toBeGreaterThan(before + 40)
        await browser.click(columnsSplit)
        await browser.press('ArrowLeft')
        const columns = await browser.attribute(columnsSplit, 'aria-valuenow')

        await browser.reload()
        await browser.waitFor(networkSplit)
        expect(await browser.attribute(networkSplit, 'aria-valuenow')).toBe(String(start + 10))
        expect(await browser.attribute(columnsSplit, 'aria-valuenow')).toBe(columns)

        // One bad size goes back to its default alone: the other sizes and the code stay.
        await browser.evaluate((key: string) => {
          const saved = JSON.parse(localStorage.getItem(key) ?? '{}')
          saved.state.preferences.layout.leftColumnPercent = 'wide'
          saved.state.preferences.editedCode = { sample: '// mine' }
          localStorage.setItem(key, JSON.stringify(saved))
          // The page saves its state on every change: nothing may write over this before reload.
          Storage.prototype.setItem = () => {}
        }, PREFERENCES_KEY)
        await browser.reload()
        await browser.waitFor(page.text(/the panel sizes went back to the default/))
        expect(await browser.attribute(columnsSplit, 'aria-valuenow')).toBe('50')
        expect(await browser.attribute(networkSplit, 'aria-valuenow')).toBe(String(start + 10))
        const kept = await browser.evaluate(
          (key: string) =>
            JSON.parse(localStorage.getItem(key) ?? '{}').state.preferences.editedCode,
          PREFERENCES_KEY,
        )
        expect(kept).toEqual({ sample: '// mine' })
        await browser.click(page.css('.layout-notice').role('button', 'Dismiss'))
        errors.push(...(await browser.takeErrors()))
      })

      it('fits lesson 10’s first step and lesson 13’s instances too', async () => {
        await openApp(browser, `${site.url}#/lessons/10-new-session-every-request`)
        await doStep(1)
        await expectColumnsInView(browser, '.network-log__scroller', NETWORK_COLUMNS)
        expect(await pageOverflow(browser)).toEqual({ x: 0, y: 0 })
        await browser.screenshot('lesson-10-step-1')

        // Lesson 13 names the instance that answered: the Status column carries it.
        await openApp(browser, `${site.url}#/lessons/13-load-balancer`)
        await doStep(1)
        await browser.waitFor(ui.networkPanel.text(/instance 2/))
        await expectColumnsInView(browser, '.network-log__scroller', NETWORK_COLUMNS)
        expect(await sidewaysInLesson(browser)).toBe(0)
        errors.push(...(await browser.takeErrors()))
      })

      it('shows the step’s progress outside the Lesson tab on a phone, under a short tab bar', async () => {
        await browser.setViewport(PHONE)
        await openApp(browser, `${site.url}#/lessons/10-new-session-every-request/secure-over-http`)
        await browser.waitFor(page.css('.layout-phone'))
        await browser.click(ui.layoutTab('Lesson'))
        await doStep(1)
        await browser.click(ui.layoutTab('Network'))
        const progress = page.css('.layout-step-progress')
        await browser.waitFor(progress)
        expect(await browser.innerText(progress)).toMatch(/^Step 1 of \d+ · (\d+)\/\1 checks/)
        const { bar, screen } = await browser.evaluate(() => ({
          bar: document.querySelector('.layout-tabbar')?.getBoundingClientRect().height ?? 0,
          screen: window.innerHeight,
        }))
        expect(bar).toBeGreaterThan(0)
        expect(bar).toBeLessThan(screen / 5)
        expect((await pageOverflow(browser)).x).toBe(0)
        await browser.screenshot('lesson-10-step-1')

        await openApp(browser, `${site.url}#/lessons/02-session-cookie/signed-value`)
        await browser.waitFor(page.css('.layout-phone'))
        await browser.click(ui.layoutTab('Lesson'))
        await doStep(1)
        await browser.click(ui.nextStep)
        await doStep(2)
        // The lesson was scrolled down to its step: the Cookies panel still opens at its top.
        await browser.click(ui.layoutTab('Cookies'))
        await browser.waitFor(ui.cookiePanel.role('row').filter('theme'))
        const gap = await browser.evaluate(() => {
          const bar = document.querySelector('.layout-tabbar')?.getBoundingClientRect()
          const panel = document
            .querySelector('.layout-tabpanel:not([hidden])')
            ?.getBoundingClientRect()
          return bar && panel ? panel.top - bar.bottom : Number.NaN
        })
        expect(Math.abs(gap)).toBeLessThanOrEqual(2)
        await expectColumnsInView(browser, '.cj-table-scroll', ['Name', 'Value', 'HttpOnly'])
        await browser.waitFor(progress)
        expect(await browser.innerText(progress)).toMatch(/^Step 2 of 4/)
        expect((await pageOverflow(browser)).x).toBe(0)
        await browser.screenshot('lesson-2-step-2')

        await browser.click(ui.layoutTab('Server'))
        await breakServerCode()
        await browser.click(ui.serverPanel.role('button', 'Run', { exact: true }))
        await browser.waitFor(ui.serverPanel.role('alert'))
        expect((await pageOverflow(browser)).x).toBe(0)
        await browser.screenshot('server-load-error')
        await browser.click(ui.serverPanel.role('button', 'Reset to original'))
        await browser.setViewport(DESKTOP)
        errors.push(...(await browser.takeErrors()))
      })

      it('logs no errors to the page console', () => {
        // Known engine bug, reported separately: in WebKit, the store read that follows a failed
        // load sometimes reaches the server worker as if it had never been initialised.
        const known = engine === 'webkit' ? /^the server worker was not initialised$/ : /^$/
        expect(errors.filter((error) => !known.test(error)).join('\n')).toBe('')
      })
    },
  )
}
