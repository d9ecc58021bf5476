/**
 * Server code that allocates without end, in the built app. Chromium gives the server's sandbox
 * frame (and so its worker) a process of its own: the allocation ends that process only, and the
 * page lives on to say what happened. Firefox and WebKit did not give the frame a process of its
 * own when tried, and there the outcome is not Node's (mocks/server/README.md, "What it does not
 * cover"): this test runs in Chromium only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT_MS,
  DESKTOP,
  Driver,
  ENGINES,
  PHONE,
  startSite,
} from './support/driver'
import type { Site } from './support/driver'
import { launchChromiumOverCdp } from './support/engines/chromium-cdp'
import { openApp, runServerCode, showPanel, ui, visit } from './support/ui'

const RUNAWAY_SERVER = `const express = require('express')
const app = express()
const keep = []
setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(1e6).fill(2.5)) }, 50)
app.get('/', (req, res) => res.send('<h1>Allocating</h1>'))
module.exports = app
`
const SOUND_SERVER = `const express = require('express')
const app = express()
app.get('/', (req, res) => res.send('<h1>Sound again</h1>'))
module.exports = app
`
/** V8 gives up near its heap limit (about 4 GB) after some seconds of allocating. */
const CRASH_MS = 90_000

describe.runIf(ENGINES.includes('chromium'))(
  'a server that runs out of memory, in chromium',
  { timeout: BROWSER_TEST_TIMEOUT_MS + CRASH_MS },
  () => {
    let site: Site
    let browser: Driver

    beforeAll(async () => {
      site = await startSite('chromium')
      // Playwright would take the sandbox frame's crash for the page's (engines/chromium-cdp.ts).
      browser = new Driver(await launchChromiumOverCdp({ viewport: DESKTOP }))
      await openApp(browser, `${site.url}#/lessons/01-first-session`)
      await browser.waitFor(ui.step.text(/^Checks \(\d+ of \d+ passing\)$/))
      await browser.click(ui.step.role('button', 'Do it for me'))
      await browser.waitFor(ui.nextStep)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    it('ends only the server, says it ran out of memory with Node’s report, and keeps progress', async () => {
      await runServerCode(browser, RUNAWAY_SERVER)
      await showPanel(browser, 'Server')
      await browser.waitFor(ui.serverPanel.text('Crashed', true), { timeout: CRASH_MS })
      await showPanel(browser, 'Console')
      await browser.waitFor(ui.consolePanel.text(/The server ran out of memory/).first())
      await browser.waitFor(
        ui.consolePanel
          .text(/Reached heap limit Allocation failed - JavaScript heap out of memory/)
          .first(),
      )
      await browser.screenshot('server-out-of-memory')
      await browser.setViewport(PHONE)
      await showPanel(browser, 'Server')
      await browser.screenshot('server-out-of-memory')
      await showPanel(browser, 'Lesson')
      // The step the walkthrough completed is still completed.
      await browser.waitFor(ui.nextStep)
      await browser.setViewport(DESKTOP)
    })

    it('runs the next code the learner runs', async () => {
      await runServerCode(browser, SOUND_SERVER)
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Sound again'))
      expect(await browser.takeErrors()).toEqual([])
    })
  },
)
