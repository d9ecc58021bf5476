/**
 * Server code that tries to leave its simulated world, in the built app, in every engine. Server
 * code can always get the worker's real global (`Function('return this')()`), so each attempt
 * goes through it. A loopback listener that this test starts must receive no connection at all.
 * The cases and their outcomes are listed in tests/hostile-input/README.md.
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
import { openApp, runServerCode, showPanel, ui, visit } from './support/ui'
import { startLoopbackListener, type LoopbackListener } from './support/loopback-listener'

/** Every way out a worker offers, tried from the real global; each outcome is reported. */
const escapeServer = (port: number) => `const express = require('express')
const app = express()
const G = Function('return this')()
const target = 'http://127.0.0.1:${port}/'
async function attempt(run) {
  try { await run(); return 'reached' } catch (error) { return 'blocked' }
}
app.get('/probe', async (req, res) => {
  res.json({
    fetch: await attempt(() => G.fetch(target + 'fetch')),
    xhr: await attempt(() => { const x = new G.XMLHttpRequest(); x.open('GET', target + 'xhr'); x.send() }),
    importScripts: await attempt(() => G.importScripts(target + 'import-scripts.js')),
    dynamicImport: await attempt(() => G.eval('import(' + JSON.stringify(target + 'import.js') + ')')),
    webSocket: await attempt(() => new G.WebSocket('ws://127.0.0.1:${port}/ws')),
    eventSource: await attempt(() => new G.EventSource(target + 'events')),
    nestedWorker: await attempt(() => new G.Worker(target + 'worker.js')),
    indexedDB: await attempt(() => new Promise((opened, failed) => {
      const request = G.indexedDB.open('escape')
      request.onsuccess = opened
      request.onerror = () => failed(request.error)
    })),
    caches: await attempt(() => G.caches.open('escape')),
    forgedClock: await attempt(() => G.postMessage({ type: 'events', events: [{ kind: 'clock', time: 0 }] })),
    close: await attempt(() => G.close()),
  })
})
app.get('/globals', (req, res) => {
  res.json([typeof globalThis.navigator, typeof indexedDB, typeof caches, 'document' in globalThis, typeof globalThis.fetch])
})
app.get('/reject', (req, res) => { Promise.reject(new Error('boom')); res.send('answered') })
app.get('/fetch-unawaited', (req, res) => { fetch('http://127.0.0.1:${port}/unawaited'); res.send('answered') })
app.get('/', (req, res) => res.send('<h1>Still here</h1>'))
module.exports = app
`

/** A JSON answer is shown as text, the way a browser shows a document that is not HTML. */
const SHOWN_BODY = ui.browserPanel.css('pre.bv-body')
const CLOCK = ui.region('Virtual clock')

for (const engine of ENGINES) {
  describe(
    `server code that tries to leave its world, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      let listener: LoopbackListener

      beforeAll(async () => {
        listener = await startLoopbackListener()
        site = await startSite(engine)
        browser = await launch(engine)
        await openApp(browser, site.url)
        await runServerCode(browser, escapeServer(listener.port))
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
        await listener?.close()
      })

      it('reaches no network, no storage and no channel to the page, whatever the route', async () => {
        await visit(browser, '/probe')
        await browser.waitFor(SHOWN_BODY.filter('"close"'))
        const outcomes = JSON.parse((await browser.innerText(SHOWN_BODY)) ?? '{}') as Record<
          string,
          string
        >
        expect(Object.keys(outcomes)).toHaveLength(11)
        for (const [route, outcome] of Object.entries(outcomes))
          expect(`${route}: ${outcome}`).toBe(`${route}: blocked`)
        // Anything still on its way would have connected by now.
        await new Promise((resolve) => setTimeout(resolve, 1000))
        expect(listener.heard).toEqual([])
        // The MSW service worker keeps one cache of its own, for the pages it serves.
        const storage = await browser.evaluate(async () => ({
          databases: ((await indexedDB.databases?.()) ?? []).map((database) => database.name),
          caches: (await caches.keys()).filter((name) => !name.startsWith('msw:active-clients:')),
        }))
        expect(storage).toEqual({ databases: [], caches: [] })
      })

      it('keeps serving, on its own clock, after the attempts', async () => {
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', 'Still here'))
        expect((await browser.innerText(CLOCK)) ?? '').not.toMatch(/1970/)
      })

      it('shows Node’s globals, not the worker’s', async () => {
        await visit(browser, '/globals')
        await browser.waitFor(SHOWN_BODY.filter('object'))
        expect(JSON.parse((await browser.innerText(SHOWN_BODY)) ?? '[]')).toEqual([
          'object',
          'undefined',
          'undefined',
          false,
          'function',
        ])
      })

      it('crashes on a rejection nobody handles, with Node’s report', async () => {
        await visit(browser, '/reject')
        await showPanel(browser, 'Server')
        await browser.waitFor(ui.serverPanel.text('Crashed', true))
        await showPanel(browser, 'Console')
        await browser.waitFor(ui.consolePanel.text(/Error: boom/).first())
        await browser.waitFor(ui.consolePanel.text(/Node\.js v24/).first())
      })

      it('crashes when a fetch() nobody awaits fails, as Node does', async () => {
        await showPanel(browser, 'Server')
        await browser.click(ui.serverPanel.role('button', 'Restart server'))
        await browser.waitFor(ui.serverPanel.text('Running', true))
        await visit(browser, '/fetch-unawaited')
        await browser.waitFor(ui.serverPanel.text('Crashed', true))
        await showPanel(browser, 'Console')
        await browser.waitFor(ui.consolePanel.text(/TypeError: fetch failed/).first())
        expect(listener.heard).toEqual([])
      })

      it('logged nothing to the real console', async () => {
        const errors = await browser.takeErrors()
        // Each attempt the sandbox's policy refused may be logged by the engine as a violation
        // report (not an error of the app's). Firefox also logs the rejections that crashed the
        // server, although the worker's listener cancelled them. Nothing else may appear.
        const expected = (text: string) =>
          /Content[- ]Security[- ]Policy|CSP/i.test(text) ||
          (engine === 'firefox' && (text === 'Error: boom' || text === 'TypeError: fetch failed'))
        expect(errors.filter((text) => !expected(text))).toEqual([])
      })
    },
  )
}
