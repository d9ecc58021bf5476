/**
 * server.js that never starts properly: an endless loop at the top level is stopped once, with a
 * message, and left stopped; an odd thrown value fails the load with Node's description of it,
 * never a panel stuck at "Starting".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT_MS,
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
} from './support/driver'
import { openApp, runServerCode, ui } from './support/ui'

/** The watchdog waits the request timeout (5 s) plus 2 s for a silent worker. */
const WATCHDOG_WAIT_MS = 15_000

for (const engine of ENGINES) {
  describe(
    `server.js that never starts properly, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver

      beforeAll(async () => {
        site = await startSite(engine)
        browser = await launch(engine)
        await openApp(browser, site.url)
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('fails the load of `throw Object.create(null)` with Node’s description', async () => {
        await runServerCode(browser, 'throw Object.create(null)\n', { untilRunning: false })
        await browser.waitFor(ui.serverPanel.text('Failed to load', true))
        await browser.waitFor(ui.serverPanel.text(/\[Object: null prototype\] \{\}/).first())
      })

      it(
        'stops an endless loop at the top level once, says so, and leaves it stopped',
        async () => {
          await runServerCode(browser, 'while (true) {}\n', { untilRunning: false })
          await browser.waitFor(
            ui.serverPanel
              .text(/did not finish starting \(endless loop at the top level\?\)/)
              .first(),
            { timeout: WATCHDOG_WAIT_MS },
          )
          expect(await browser.count(ui.serverPanel.text('Failed to load', true))).toBe(1)
          // Another watchdog period later it is still stopped: nothing started it again.
          await new Promise((resolve) => setTimeout(resolve, 8_000))
          expect(await browser.count(ui.serverPanel.text('Failed to load', true))).toBe(1)
          expect(await browser.count(ui.serverPanel.text('Starting', true))).toBe(0)
        },
        WATCHDOG_WAIT_MS + 20_000,
      )

      it('logged nothing to the real console', async () => {
        expect(await browser.takeErrors()).toEqual([])
      })
    },
  )
}
