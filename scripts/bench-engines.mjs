/* global window -- the functions passed to browser.evaluate run in the page */
// The learner's waits in Firefox and WebKit, beside Chromium's: cold load and warm reload to an
// interactive first lesson, and the address bar's round trip through every panel. Measured with
// the browser tests' driver (tests/e2e/support/driver.ts), with the same in-page probes as the
// Chromium figures (bench-browser.mjs): each time is read on the page's own clock, so the
// driver's own latency is not in it. Nothing here passes or fails on a time.
import './support/typescript-imports.mjs'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startStaticServer } from './serve-static.mjs'
import { armRoundTrip, FIRST_LESSON, interactiveProbe, percentile } from './bench-browser.mjs'

// Imported once the hook above is in place: static imports would be resolved before it runs.
const { launch } = await import('../tests/e2e/support/driver.ts')
const { page } = await import('../tests/e2e/support/locator.ts')
const { showPanel, ui } = await import('../tests/e2e/support/ui.ts')

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
/** After "interactive": long enough for the idle-time CodeMirror load (idle timeout 1 s). */
const SETTLE_MS = 2500

/** Polls the page until `read` gives a value other than undefined (null over WebDriver). */
async function pollPage(browser, read, arg, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await browser.evaluate(read, arg)
    if (value !== undefined && value !== null) return value
    if (Date.now() > deadline) throw new Error(`${browser.name}: ${what} within ${timeoutMs} ms`)
    await settle(20)
  }
}

const interactiveAt = (browser) =>
  pollPage(browser, () => window.__benchInteractiveAt, undefined, 'not interactive')

async function measureEngine(engine, distDir, { runs, roundTrips, warmup }) {
  // The probe runs before the page's own scripts: the test server puts it in every page's head.
  const site = await startStaticServer({
    root: distDir,
    base: '/session-playground/',
    port: 0,
    headScript: `(${interactiveProbe})()`,
  })
  const lessonUrl = `${site.url}${FIRST_LESSON}`
  let browser
  try {
    // Cold: a fresh browser (profile, HTTP cache, no service worker) each time.
    const cold = []
    for (let run = 0; run < runs; run++) {
      browser = await launch(engine)
      await browser.open(lessonUrl)
      cold.push(await interactiveAt(browser))
      if (run < runs - 1) {
        await browser.close()
        browser = undefined
      }
    }
    // Warm: the last browser reloads, its service worker installed and its cache filled.
    const warm = []
    for (let run = 0; run < runs; run++) {
      await settle(SETTLE_MS)
      await browser.reload()
      warm.push(await interactiveAt(browser))
    }
    await showPanel(browser, 'Session store')
    await browser.waitFor(page.css('#store-inspector-heading'))
    await browser.fill(ui.addressBar, '/')
    const durations = []
    for (let visit = 1; visit <= warmup + roundTrips; visit++) {
      await browser.evaluate(armRoundTrip, visit)
      await browser.press('Enter')
      const { start, end } = await pollPage(
        browser,
        () => {
          const probe = window.__benchRoundTrip
          return probe.end === undefined ? undefined : { start: probe.start, end: probe.end }
        },
        undefined,
        'the round trip did not finish',
        10_000,
      )
      if (visit > warmup) durations.push(end - start)
    }
    return { version: browser.version, cold, warm, durations }
  } finally {
    await browser?.close()
    await site.close()
  }
}

/** Firefox's and WebKit's figures; an engine that cannot run is reported, not hidden. */
export async function benchOtherEngines(distDir, options = { runs: 5, roundTrips: 30, warmup: 5 }) {
  const figures = {}
  for (const engine of ['firefox', 'webkit']) {
    try {
      figures[engine] = await measureEngine(engine, distDir, options)
    } catch (error) {
      figures[engine] = { error: error.message }
    }
  }
  return figures
}

const ms = (value) => `${value.toFixed(value < 100 ? 1 : 0)} ms`

/** One row per engine: what a learner waits for, side by side. */
export function engineRows(chromium, others) {
  const row = (name, figures) => {
    if (!figures) return [name, 'n/a', 'n/a', 'n/a', 'n/a']
    if (figures.error) return [name, `failed: ${figures.error}`, '', '', '']
    return [
      name,
      figures.version,
      ms(percentile(figures.cold, 0.5)),
      ms(percentile(figures.warm, 0.5)),
      `${ms(percentile(figures.durations, 0.5))} / ${ms(percentile(figures.durations, 0.95))}`,
    ]
  }
  return [row('Chromium', chromium), row('Firefox', others.firefox), row('WebKit', others.webkit)]
}

/**
 * Measures Firefox and WebKit on a copy of the build of their own, and prints the three engines
 * side by side (Chromium's figures come from bench.mjs's own run).
 */
export async function printEveryEngine({ root, chromiumFigures, printTable }) {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'session-playground-bench-engines-'))
  cpSync(path.join(root, 'dist'), distDir, { recursive: true })
  let others
  try {
    others = await benchOtherEngines(distDir)
  } finally {
    rmSync(distDir, { recursive: true, force: true })
  }
  console.log('\nEvery engine (medians; the round trip as median / p95):\n')
  const chromium = chromiumFigures && {
    version: `Chromium ${chromiumFigures.chromiumVersion}`,
    cold: chromiumFigures.startup.cold,
    warm: chromiumFigures.startup.warm,
    durations: chromiumFigures.uiRoundTrips.durations,
  }
  printTable(
    [
      'engine',
      'version',
      'cold load → interactive',
      'warm reload → interactive',
      'address bar round trip',
    ],
    engineRows(chromium, others),
  )
  console.log(`
Firefox runs headless through puppeteer-core (WebDriver BiDi), WebKit is MiniBrowser on Xvfb
through WebKitWebDriver; both use the in-page probes of the Chromium figures, on the page's own
clock. Cold: a fresh browser each run (5 runs); warm: 5 reloads of the last one; round trip:
30 requests after 5 warm-ups. Firefox rounds performance.now() to whole milliseconds here.`)
}
