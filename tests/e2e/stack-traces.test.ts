import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type EngineName,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { openApp, runServerCode, showPanel, ui, visit } from './support/ui'

/**
 * A route that throws: Express's error page and its console line show the stack as Node prints
 * it, with the learner's `server.js:LINE:COL` and the Express stack's own files, never the
 * minified worker bundle the browser really ran.
 */
const SERVER = `const express = require('express')
const app = express()
app.get('/', (req, res) => res.send('<h1>Home</h1>'))
app.get('/boom', (req, res) => {
  throw new Error('boom')
})
module.exports = app
`

/** A frame of the built worker chunk, as each engine writes a location. */
const BUNDLE_FRAME = /worker-[\w-]+\.js/

/**
 * What Node 24 prints for the same server and request (express 5.3, router 2): the throw in
 * server.js, then router's Layer.handleRequest calling the route's handler.
 */
const SERVER_FRAME = 'server.js:5:9'
const ROUTER_FRAME = /node_modules\/router\/lib\/layer\.js:169:33/

/**
 * The frames of the learner's code, where the engine gives them a place. JavaScriptCore writes a
 * frame of evaluated code as a bare `@`, with no file, line or column to map, so in WebKit only
 * the Express stack's frames have one.
 */
function expectFramesOfNode(engine: EngineName, frames: string): void {
  const [first = ''] = frames.trim().split('\n')
  if (engine === 'webkit') expect(first.trim()).toBe('@')
  else expect(first).toContain(SERVER_FRAME)
  expect(frames).toMatch(ROUTER_FRAME)
  expect(frames).not.toMatch(BUNDLE_FRAME)
}

for (const engine of ENGINES) {
  describe(
    `stack traces name the files Node would, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver

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

      it('on the error page and in the console', async () => {
        await visit(browser, '/boom')
        const errorPage = ui.shownPage.text(/^Error: boom/)
        await browser.waitFor(errorPage)
        const pageText = (await browser.innerText(errorPage)) ?? ''
        expectFramesOfNode(engine, pageText.slice('Error: boom'.length))

        // Express logs the same stack; the console shows its first line and folds the frames.
        await showPanel(browser, 'Console')
        const logged = ui.consolePanel.css('.server-console__line').filter('Error: boom').last()
        await browser.waitFor(logged)
        await browser.click(logged.text(/more lines$/))
        expectFramesOfNode(engine, (await browser.innerText(logged.css('pre'))) ?? '')
      })
    },
  )
}
