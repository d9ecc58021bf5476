import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { openApp, runServerCode, showPanel, ui, visit } from './support/ui'

/**
 * Server code is the learner's (or a lesson's) to write, so the page must survive what it
 * sends: HTML with scripts in it, and a route that never returns.
 */
const SERVER = `const express = require('express')
const app = express()
app.get('/', (req, res) => res.send('<h1>Home</h1>'))
app.get('/scripted', (req, res) =>
  res.send(\`<h1>Scripted</h1>
<script>top.__serverScriptRan = 'script'; top.document.title = 'taken over'</script>
<img src="data:," alt="" onerror="top.__serverScriptRan = 'handler'">
<a href="javascript:top.__serverScriptRan = 'link'">a javascript: link</a>\`),
)
app.get('/loop', () => {
  for (;;) {}
})
module.exports = app
`

/** How long the watchdog lets a silent server worker run: the request timeout + 2 s. */
const WATCHDOG_WAIT_MS = 15_000

for (const engine of ENGINES) {
  describe(
    `server code the page must survive, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      const errors: string[] = []

      beforeAll(async () => {
        site = await startSite(engine)
        browser = await launch(engine)
        await openApp(browser, site.url)
        await runServerCode(browser, SERVER)
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('shows server HTML without running its scripts, handlers or javascript: links', async () => {
        const title = await browser.evaluate(() => document.title)
        await visit(browser, '/scripted')
        await browser.waitFor(ui.shownPage.role('heading', 'Scripted'))
        await browser.click(ui.shownPage.role('link', 'a javascript: link'))
        // The simulated browser refuses the link, and says so.
        await browser.waitFor(ui.browserPanel.role('alert').filter('does not open javascript:'))
        expect(
          await browser.evaluate(
            () => (window as { __serverScriptRan?: string }).__serverScriptRan ?? 'nothing ran',
          ),
        ).toBe('nothing ran')
        expect(await browser.evaluate(() => document.title)).toBe(title)
      })

      it(
        'stops a server stuck in an endless loop, says so, and serves again after the restart',
        async () => {
          await visit(browser, '/loop')
          const browserError = ui.browserPanel.role('alert').filter('stopped responding')
          await browser.waitFor(browserError, { timeout: WATCHDOG_WAIT_MS })
          await showPanel(browser, 'Console')
          await browser.waitFor(
            ui.consolePanel
              .text(/stopped responding \(an endless loop\?\).*every session in its memory is gone/)
              .first(),
          )
          // The page stayed responsive throughout, and the restarted server answers again.
          await visit(browser, '/')
          await browser.waitFor(ui.shownPage.role('heading', 'Home'))
        },
        WATCHDOG_WAIT_MS + 15_000,
      )

      it('logged nothing to the real console', async () => {
        errors.push(...(await browser.takeErrors()))
        // Chromium reports each blocked script in a sandboxed frame as an error on the page's
        // console: none may appear, as the frame's scripts are simply never run.
        expect(errors.filter((text) => !/Blocked script execution/.test(text))).toEqual([])
      })
    },
  )
}
