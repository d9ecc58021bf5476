import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectPageErrors, newPage, openSite, type Site } from './support/chromium'
import { playground, showPanel, visit, type Playground } from './support/playground'

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

let site: Site
let page: Page
let ui: Playground
let pageErrors: string[]

/** Replaces the code in the Server panel's editor and presses Run, as a learner would. */
async function runServerCode(source: string): Promise<void> {
  await showPanel(page, 'Server')
  const editor = ui.serverPanel.getByRole('textbox', { name: 'server.js' })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(source)
  await ui.serverPanel.getByRole('button', { name: 'Run', exact: true }).click()
  // Until the new code runs, the old server still shows as running, with the edit pending.
  await ui.serverPanel.getByText('Not running yet: press Run').waitFor({ state: 'detached' })
  await ui.serverPanel.getByText('Running', { exact: true }).waitFor()
}

describe('server code the page must survive', () => {
  beforeAll(async () => {
    site = await openSite()
    page = await newPage(site)
    pageErrors = collectPageErrors(page)
    ui = playground(page)
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
    await runServerCode(SERVER)
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it('shows server HTML without running its scripts, handlers or javascript: links', async () => {
    const title = await page.title()
    await visit(ui, '/scripted')
    await ui.shownPage().getByRole('heading', { name: 'Scripted' }).waitFor()
    await ui.shownPage().getByRole('link', { name: 'a javascript: link' }).click()
    // Give an image's error handler time to fire, if it were going to.
    await page.waitForTimeout(300)
    expect(
      await page.evaluate(() => (window as { __serverScriptRan?: string }).__serverScriptRan),
    ).toBeUndefined()
    expect(await page.title()).toBe(title)
  })

  it(
    'stops a server stuck in an endless loop, says so, and serves again after the restart',
    async () => {
      await visit(ui, '/loop')
      const browserError = ui.browserPanel.getByRole('alert')
      await browserError.waitFor({ timeout: WATCHDOG_WAIT_MS })
      await expect(browserError.textContent()).resolves.toMatch(/stopped responding/)
      await showPanel(page, 'Console')
      await ui.consolePanel
        .getByText(/stopped responding \(an endless loop\?\).*every session in its memory is gone/)
        .first()
        .waitFor()
      // The page stayed responsive throughout, and the restarted server answers again.
      await visit(ui, '/')
      await ui.shownPage().getByRole('heading', { name: 'Home' }).waitFor()
    },
    WATCHDOG_WAIT_MS + 15_000,
  )

  it('logged nothing to the real console', () => {
    // Chromium reports each blocked script in a sandboxed frame as an error on the page's
    // console: none may appear, as the frame's scripts are simply never run.
    expect(pageErrors.filter((text) => !/Blocked script execution/.test(text))).toEqual([])
  })
})
