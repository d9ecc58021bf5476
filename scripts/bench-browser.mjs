/* global document, window, MutationObserver -- the functions passed to page.evaluate run in the page */
// The page-level half of `npm run bench`: what a learner waits for in headless Chromium, against
// the built site served like GitHub Pages. Functions passed to page.evaluate / addInitScript run
// in the page, hence the browser globals above. Nothing here passes or fails on a time.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The same flags as tests/e2e/support/chromium.ts. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const FIRST_LESSON = '#/lessons/01-first-session'
const VIEWPORT = { width: 1280, height: 800 }

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
}

const median = (values) => percentile(values, 0.5)
/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)]
}
export { median }

// ——— 1 + 2: what loads before the first lesson is interactive, and how long it takes ———

/**
 * Runs in every document before its own scripts. "Interactive" is the moment all of these hold:
 * the MSW service worker controls the page, the lesson shows its step 1, and that step's
 * "Do it for me" button is enabled — which it is only once the lesson's server has started
 * (LessonPlayer evaluates the step only when its server is ready). Checked on every DOM mutation
 * and on `controllerchange`; the time is performance.now(), i.e. since the navigation started.
 */
export function interactiveProbe() {
  if (window.top !== window) return
  const interactive = () => {
    if (!navigator.serviceWorker?.controller) return false
    const step = document.querySelector('article.lp-step')
    if (!step?.querySelector('.lp-step-count')?.textContent?.startsWith('Step 1 of')) return false
    const button = [...step.querySelectorAll('button')].find(
      (candidate) => candidate.textContent === 'Do it for me',
    )
    return button !== undefined && !button.disabled
  }
  const check = () => {
    if (window.__benchInteractiveAt !== undefined || !interactive()) return
    window.__benchInteractiveAt = performance.now()
    observer.disconnect()
    window.__benchInteractive?.(window.__benchInteractiveAt)
  }
  const observer = new MutationObserver(check)
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })
  navigator.serviceWorker?.addEventListener('controllerchange', check)
}

/** A context whose pages report "interactive" to Node, and whose fetches are all logged. */
async function instrumentedContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const requests = []
  let onInteractive = () => {}
  await context.exposeBinding('__benchInteractive', (_source, at) => onInteractive(at))
  await context.addInitScript(interactiveProbe)
  // Page, dedicated worker and service worker fetches all surface on the context.
  context.on('request', (request) => requests.push(request.url()))
  return {
    context,
    requests,
    /** Resolves with the page's performance.now() when it becomes interactive. */
    nextInteractive: (timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`not interactive within ${timeoutMs} ms`)),
          timeoutMs,
        )
        onInteractive = (at) => {
          clearTimeout(timer)
          onInteractive = () => {}
          resolve({ at, requestCount: requests.length })
        }
      }),
  }
}

const gzipCache = new Map()
function gzipSize(file) {
  if (!gzipCache.has(file)) {
    const bytes = readFileSync(file)
    gzipCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
  }
  return gzipCache.get(file)
}

/** The dist files (JS and CSS only) that a list of request URLs fetched, once each, in order. */
function scriptsAndStyles(urls, siteUrl, distDir) {
  const seen = new Set()
  const files = []
  for (const url of urls) {
    if (!url.startsWith(siteUrl)) continue
    const relative = decodeURIComponent(
      new URL(url).pathname.slice(new URL(siteUrl).pathname.length),
    )
    if (!/\.(m?js|css)$/.test(relative) || seen.has(relative)) continue
    seen.add(relative)
    files.push({ file: relative, ...gzipSize(path.join(distDir, relative)) })
  }
  return files
}

/** Every JS and CSS file of the build, relative to dist/. */
function builtScriptsAndStyles(distDir) {
  return readdirSync(distDir, { recursive: true })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(m?js|css)$/.test(file))
    .sort()
}

/** The chunks that the build only reaches through a dynamic import(), as `assets/<name>`. */
export function lazyChunks(distDir) {
  const lazy = new Set()
  for (const file of builtScriptsAndStyles(distDir)) {
    if (!file.endsWith('.js')) continue
    const code = readFileSync(path.join(distDir, file), 'utf8')
    for (const [, target] of code.matchAll(/\bimport\(\s*[`'"]\.\/([\w.-]+\.js)[`'"]\s*\)/g))
      lazy.add(path.posix.join(path.posix.dirname(file), target))
  }
  return lazy
}

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
/** After "interactive": long enough for the idle-time CodeMirror load (idle timeout 1 s). */
const SETTLE_MS = 2500

/**
 * `served`, when given, is the site server's own log of request paths (startStaticServer's
 * onRequest): the bytes are counted from it. Chromium does not always report the server worker's
 * module request to the browser context (the worker starts in a sandboxed frame's process), so
 * the context's log alone can leave the worker out of the count.
 */
export async function measureStartup({ browser, siteUrl, distDir, runs = 5, served }) {
  const lessonUrl = `${siteUrl}${FIRST_LESSON}`
  const cold = []
  let chunks
  let warmContext
  for (let run = 0; run < runs; run++) {
    const probe = await instrumentedContext(browser)
    const page = await probe.context.newPage()
    const interactive = probe.nextInteractive()
    const servedFrom = served?.length ?? 0
    await page.goto(lessonUrl, { waitUntil: 'commit' })
    const { at, requestCount } = await interactive
    const servedUntil = served?.length ?? 0
    cold.push(at)
    if (run === 0) {
      await settle(SETTLE_MS)
      const asUrls = (paths) => paths.map((url) => new URL(url, siteUrl).href)
      const fetchedAll = served ? asUrls(served.slice(servedFrom)) : probe.requests
      const fetchedBefore = served
        ? asUrls(served.slice(servedFrom, servedUntil))
        : probe.requests.slice(0, requestCount)
      const before = scriptsAndStyles(fetchedBefore, siteUrl, distDir)
      const all = scriptsAndStyles(fetchedAll, siteUrl, distDir)
      const initial = new Set(before.map((chunk) => chunk.file))
      const fetched = new Set(all.map((chunk) => chunk.file))
      chunks = {
        initial: before,
        later: all.filter((chunk) => !initial.has(chunk.file)),
        notLoaded: builtScriptsAndStyles(distDir).filter((file) => !fetched.has(file)),
      }
    }
    if (run === runs - 1) warmContext = { probe, page }
    else await probe.context.close()
  }

  // Warm: the same context reloads, with its service worker installed and its HTTP cache filled.
  const warm = []
  const { probe, page } = warmContext
  for (let run = 0; run < runs; run++) {
    await settle(SETTLE_MS)
    const interactive = probe.nextInteractive()
    await page.reload({ waitUntil: 'commit' })
    warm.push((await interactive).at)
  }
  await probe.context.close()
  return { chunks, cold, warm }
}

/** A fresh context on the first lesson, interactive, with the Session store tab chosen. */
async function openLesson(browser, siteUrl) {
  const probe = await instrumentedContext(browser)
  const page = await probe.context.newPage()
  const interactive = probe.nextInteractive()
  await page.goto(`${siteUrl}${FIRST_LESSON}`, { waitUntil: 'commit' })
  await interactive
  await page.getByRole('tab', { name: 'Session store', exact: true }).click()
  await page.locator('#store-inspector-heading').waitFor()
  return { page, close: () => probe.context.close() }
}

function addressBar(page) {
  return page
    .locator('section[aria-labelledby="browser-view-heading"]')
    .getByRole('textbox', { name: 'Address' })
}

// ——— 3: one simulated request, from the key press to every panel showing its result ———

/**
 * Runs in the page before each Enter: notes when the key goes down (the event's timeStamp, on
 * the same clock as performance.now()) and when all three have caught up — the page frame has
 * loaded the response ("visited this page N times"), the store panel lists the session with
 * `views: N`, and the cookie panel lists connect.sid. Checked on every DOM mutation and on the
 * frame's load event, so the end time is when the last of them landed in the DOM.
 */
export function armRoundTrip(visits) {
  const probe = { start: undefined, end: undefined, marks: {} }
  window.__benchRoundTrip = probe
  // When the simulated response is back in the page (the __sim fetch resolves).
  const realFetch = (window.__benchRealFetch ??= window.fetch)
  window.fetch = function (...args) {
    const answer = realFetch.apply(this, args)
    if (String(args[0]?.url ?? args[0]).endsWith('/__sim'))
      void answer.then(() => (probe.marks.response ??= performance.now()))
    return answer
  }
  const address = document.querySelector(
    'section[aria-labelledby="browser-view-heading"] input[aria-label="Address"]',
  )
  address.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') probe.start = event.timeStamp
    },
    { capture: true, once: true },
  )
  const times = visits === 1 ? 'time' : 'times'
  const pageShown = () =>
    document
      .querySelector('section[aria-labelledby="browser-view-heading"] iframe[title^="Page at "]')
      ?.contentDocument?.body?.textContent?.includes(`visited this page ${visits} ${times}`)
  const storeShown = () =>
    [
      ...document.querySelectorAll(
        'section[aria-labelledby="store-inspector-heading"] .session-row__preview',
      ),
    ].some((preview) => preview.textContent === `views: ${visits}`)
  const jarShown = () =>
    document
      .querySelector('section[aria-labelledby="cookie-jar-heading"]')
      ?.textContent?.includes('connect.sid')
  const shown = (name, test) => {
    if (probe.marks[name] === undefined && test()) probe.marks[name] = performance.now()
    return probe.marks[name] !== undefined
  }
  const check = () => {
    if (probe.start === undefined || probe.end !== undefined) return
    const page = shown('page', pageShown)
    const store = shown('store', storeShown)
    const jar = shown('jar', jarShown)
    if (!page || !store || !jar) return
    probe.end = performance.now()
    observer.disconnect()
    document.removeEventListener('load', check, true)
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })
  document.addEventListener('load', check, true)
}

export async function measureRoundTrips({ browser, siteUrl, count = 50, warmup = 5 }) {
  const { page, close } = await openLesson(browser, siteUrl)
  try {
    const address = addressBar(page)
    await address.fill('/')
    const durations = []
    const phases = { response: [], store: [], page: [] }
    for (let visit = 1; visit <= warmup + count; visit++) {
      await page.evaluate(armRoundTrip, visit)
      await address.press('Enter')
      await page.waitForFunction(() => window.__benchRoundTrip.end !== undefined, null, {
        timeout: 10_000,
      })
      const { start, end, marks } = await page.evaluate(() => window.__benchRoundTrip)
      if (visit <= warmup) continue
      durations.push(end - start)
      for (const [phase, times] of Object.entries(phases)) times.push(marks[phase] - start)
    }
    return { durations, phases }
  } finally {
    await close()
  }
}

// ——— 4: the longest main-thread task while the store fills to 10 000 sessions ———

/** Runs in the page: `count` requests without cookies straight to the `__sim` endpoint. */
async function sendVisitors({ endpoint, count, batch }) {
  // The encoding of mocks/sim-http.ts: the simulated request travels in x-sim-request.
  const meta = encodeURIComponent(
    JSON.stringify({
      method: 'GET',
      url: '/',
      headers: [['Host', 'session.test']],
      secure: false,
    }),
  )
  const send = () =>
    fetch(endpoint, { method: 'POST', headers: { 'x-sim-request': meta } }).then((response) =>
      response.arrayBuffer(),
    )
  for (let sent = 0; sent < count; sent += batch)
    await Promise.all(Array.from({ length: Math.min(batch, count - sent) }, send))
}

/** Runs in the page: whether the store panel counts at least `count` sessions. */
function storeShows(count) {
  const text = document.querySelector(
    'section[aria-labelledby="store-inspector-heading"] .store-inspector__count',
  )?.textContent
  return Number(text?.match(/^[\d,]+/)?.[0].replaceAll(',', '') ?? 0) >= count
}

/** Records 'longtask' entries (≥ 50 ms) from now on; buffered ones from page load are left out. */
function observeLongTasks() {
  const since = performance.now()
  window.__benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime >= since)
        window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/**
 * The longest task on a renderer main thread (a thread named CrRendererMain; the page is alone
 * in its context) in a Chromium trace: each task is a RunTask (category toplevel), and the
 * garbage collections inside it are MajorGC / MinorGC events (category devtools.timeline).
 */
function longestMainThreadTask(trace) {
  const { traceEvents } = JSON.parse(trace.toString('utf8'))
  const mainThreads = new Set(
    traceEvents
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  )
  const onMain = traceEvents.filter(
    (event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`),
  )
  const cpu = (event) => (event.tdur ?? event.dur ?? 0) / 1000
  let longestTask
  let longestCpu = 0
  let count = 0
  for (const event of onMain) {
    if (event.name !== 'ThreadControllerImpl::RunTask' && event.name !== 'RunTask') continue
    if ((event.dur ?? 0) > (longestTask?.dur ?? -1)) longestTask = event
    longestCpu = Math.max(longestCpu, cpu(event))
    count++
  }
  const within = (event) =>
    event.tid === longestTask?.tid &&
    event.ts >= longestTask.ts &&
    event.ts + (event.dur ?? 0) <= longestTask.ts + longestTask.dur
  const gc = onMain
    .filter((event) => (event.name === 'MajorGC' || event.name === 'MinorGC') && within(event))
    .reduce((sum, event) => sum + cpu(event), 0)
  return { longest: (longestTask?.dur ?? 0) / 1000, longestCpu, gc, count }
}

/** Runs `action` under a `toplevel` trace of the page; resolves with its longest task. */
async function traced(browser, page, action) {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] })
  const outcome = await action().then(
    () => undefined,
    (error) => ({ error }),
  )
  const trace = await browser.stopTracing()
  if (outcome) throw outcome.error
  return longestMainThreadTask(trace)
}

/**
 * Fills the store with `sessions` new visitors in chunks, each traced on its own (one trace of
 * the whole fill would outgrow a string), then sends one more request the learner's way. The
 * longest task is the longest RunTask in any trace, or any 'longtask' entry (≥ 50 ms) the page
 * saw, whichever is longer: the observer also covers the moments between two traces. Both are
 * wall time; the longest task by the main thread's own CPU time (the trace's `tdur`) is given too,
 * as wall time also counts the moments a busy machine gave the thread's core to someone else.
 */
export async function measureFullStore({
  browser,
  siteUrl,
  sessions = 10_000,
  chunk = 500,
  batch = 50,
  deadlineMs = 300_000,
}) {
  const { page, close } = await openLesson(browser, siteUrl)
  try {
    await page.evaluate(observeLongTasks)
    const endpoint = new URL('__sim', siteUrl).href
    const started = Date.now()
    let sent = 0
    let fillLongest = 0
    let fillLongestGc = 0
    let fillLongestCpu = 0
    let tasks = 0
    while (sent < sessions && Date.now() - started < deadlineMs) {
      const count = Math.min(chunk, sessions - sent)
      const traceFigures = await traced(browser, page, async () => {
        await page.evaluate(sendVisitors, { endpoint, count, batch })
        sent += count
        // The panels catch up after the last response; wait for them inside the trace.
        await page.waitForFunction(storeShows, sent, { timeout: 120_000, polling: 50 })
      })
      if (traceFigures.longest > fillLongest) {
        fillLongest = traceFigures.longest
        fillLongestGc = traceFigures.gc
      }
      fillLongestCpu = Math.max(fillLongestCpu, traceFigures.longestCpu)
      tasks += traceFigures.count
    }
    const fillMs = Date.now() - started
    const fillLongTasks = await page.evaluate(() => window.__benchLongTasks.splice(0))

    // One more request, the learner's way: Enter in the address bar of Alice's tab.
    let roundTrip
    const oneMore = await traced(browser, page, async () => {
      await page.evaluate(armRoundTrip, 1)
      const address = addressBar(page)
      await address.fill('/')
      await address.press('Enter')
      await page.waitForFunction(() => window.__benchRoundTrip.end !== undefined, null, {
        timeout: 30_000,
      })
      const { start, end } = await page.evaluate(() => window.__benchRoundTrip)
      roundTrip = end - start
      await page.waitForTimeout(300)
    })
    const oneMoreLongTasks = await page.evaluate(() => window.__benchLongTasks.splice(0))
    const longestOf = (traceLongest, entries) =>
      Math.max(traceLongest, ...entries.map((entry) => entry.duration))
    return {
      sessions: sent,
      fillMs,
      tasks,
      fillLongestMs: longestOf(fillLongest, fillLongTasks),
      fillLongestCpuMs: fillLongestCpu,
      fillLongestTracedMs: fillLongest,
      fillLongestGcMs: fillLongestGc,
      fillLongTasks: fillLongTasks.length,
      oneMoreLongestMs: longestOf(oneMore.longest, oneMoreLongTasks),
      oneMoreLongestCpuMs: oneMore.longestCpu,
      oneMoreRoundTripMs: roundTrip,
    }
  } finally {
    await close()
  }
}
