/* global Worker -- benchInWorker runs inside the page, where Worker exists */
// npm run bench: requests per second of the simulated server — through the Node API and inside
// the server worker in headless Chromium — against the same app on plain Node http; then what a
// learner waits for in the built site (bytes before the first lesson is interactive, cold and
// warm loads, one request's round trip through every panel, a store of 10 000 sessions), each
// against its target, in one run. It prints figures; nothing here passes or fails on a time.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSimServer } from '../build/server/api.js'
import {
  launchChromium,
  lazyChunks,
  measureFullStore,
  measureRoundTrips,
  measureStartup,
  percentile,
} from './bench-browser.mjs'
import { startStaticServer } from './serve-static.mjs'
import { benchLazyStores } from './bench-lazy-stores.mjs'
import { printSandboxFrameCost } from './bench-sandbox-frame.mjs'
import { printEveryEngine } from './bench-engines.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BASE = '/session-playground/'

const SESSION = `session({ secret: 'keyboard cat', resave: false, saveUninitialized: false })`
const SOURCES = {
  counter: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(${SESSION})
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`,
  login: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(express.urlencoded({ extended: false }))
app.use(${SESSION})
app.post('/login', (req, res, next) => {
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = req.body.username
    res.redirect('/dashboard')
  })
})
app.get('/dashboard', (req, res) => {
  if (!req.session.user) return res.redirect('/')
  res.send('Hello, ' + req.session.user)
})
module.exports = app`,
}

/** Each scenario is a list of request steps; `cookie: true` sends the last session cookie. */
const SCENARIOS = [
  {
    name: 'visit counter, one browser',
    source: 'counter',
    steps: () => [
      { path: '/' },
      ...Array.from({ length: 2000 }, () => ({ path: '/', cookie: true })),
    ],
  },
  {
    name: 'login, then 20 dashboard visits',
    source: 'login',
    steps: () =>
      Array.from({ length: 100 }, () => [
        {
          method: 'POST',
          path: '/login',
          body: 'username=alice&password=wonderland',
          headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        },
        ...Array.from({ length: 20 }, () => ({ path: '/dashboard', cookie: true })),
      ]).flat(),
  },
  {
    name: '10 000 distinct visitors',
    source: 'counter',
    steps: () => Array.from({ length: 10_000 }, () => ({ path: '/' })),
  },
]

/** Sends the steps one after another through `send`, carrying the session cookie along. */
async function runSteps(steps, send) {
  let cookie = ''
  const started = performance.now()
  for (const step of steps) {
    const headers = [['Host', 'localhost:3000'], ...(step.headers ?? [])]
    if (step.cookie && cookie) headers.push(['Cookie', cookie])
    const setCookie = await send({
      method: step.method ?? 'GET',
      path: step.path,
      headers,
      body: step.body,
    })
    if (setCookie) cookie = setCookie.split(';')[0]
  }
  return performance.now() - started
}

async function benchPlainNode(scenario) {
  const dir = path.join(ROOT, 'build', 'bench')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${scenario.source}-${Date.now()}.cjs`)
  writeFileSync(file, SOURCES[scenario.source])
  const app = createRequire(import.meta.url)(file)
  const server = http.createServer(app)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const { port } = server.address()
  const send = ({ method, path: requestPath, headers, body }) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: requestPath,
          headers: Object.fromEntries(headers),
          agent,
        },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.headers['set-cookie']?.[0]))
        },
      )
      request.on('error', reject)
      request.end(body)
    })
  const steps = scenario.steps()
  await runSteps(steps.slice(0, 50), send)
  const elapsed = await runSteps(steps, send)
  agent.destroy()
  await new Promise((resolve) => server.close(resolve))
  return { requests: steps.length, elapsed }
}

async function benchNodeApi(scenario) {
  const warm = await createSimServer({ source: SOURCES[scenario.source] })
  const send = async ({ method, path: requestPath, headers, body }) => {
    const result = await warm.request({ method, path: requestPath, headers, body })
    if (!result.ok) throw new Error(result.error.message)
    return result.setCookies[0]
  }
  const steps = scenario.steps()
  await runSteps(steps.slice(0, 50), send)
  const server = await createSimServer({ source: SOURCES[scenario.source] })
  const measured = async (request) => {
    const result = await server.request(request)
    if (!result.ok) throw new Error(result.error.message)
    return result.setCookies[0]
  }
  const elapsed = await runSteps(steps, measured)
  server.close()
  warm.close()
  return { requests: steps.length, elapsed }
}

/** Runs inside the page: a fresh server worker spoken to through its own message protocol. */
async function benchInWorker({ workerUrl, source, steps }) {
  // Straight in the page, not in the sandbox: this measures the engine's own share. The worker
  // talks only over the port it is sent first, as from the sandbox (host/worker-lockdown.ts).
  const worker = new Worker(workerUrl, { type: 'module' })
  const channel = new MessageChannel()
  worker.postMessage({ type: 'connect' }, [channel.port2])
  const port = channel.port1
  const pending = new Map()
  let nextCallId = 1
  port.onmessage = ({ data }) => {
    if (data.type === 'result' || data.type === 'failure') {
      pending.get(data.callId)?.(data)
      pending.delete(data.callId)
    }
  }
  const call = (request) =>
    new Promise((resolve) => {
      const callId = nextCallId++
      pending.set(callId, resolve)
      port.postMessage({ type: 'call', callId, call: request })
    })
  port.postMessage({
    type: 'init',
    clockStartMs: Date.now(),
    flowingClock: false,
    env: {},
    requestTimeoutMs: 5000,
  })
  await call({ method: 'start', source, filename: 'server.js' })
  const run = async (list) => {
    let cookie = ''
    const started = performance.now()
    for (const step of list) {
      const headers = [['Host', 'localhost:3000'], ...(step.headers ?? [])]
      if (step.cookie && cookie) headers.push(['Cookie', cookie])
      const answer = await call({
        method: 'request',
        request: { method: step.method ?? 'GET', url: step.path, headers, body: step.body },
      })
      const outcome = answer.value?.outcome
      if (!outcome?.ok)
        throw new Error(answer.message ?? outcome?.error?.message ?? 'request failed')
      const setCookie = outcome.response.headers.find(([name]) => name === 'Set-Cookie')
      if (setCookie) cookie = setCookie[1].split(';')[0]
    }
    return performance.now() - started
  }
  await run(steps.slice(0, 50))
  const elapsed = await run(steps)
  worker.terminate()
  return elapsed
}

/** Runs inside the page: the full path a simulated browser takes, through the service worker. */
async function benchServiceWorkerRoundTrip({ endpoint, count }) {
  const meta = encodeURIComponent(
    JSON.stringify({
      method: 'GET',
      url: '/',
      headers: [['Host', 'localhost:3000']],
      secure: false,
    }),
  )
  const durations = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const response = await fetch(endpoint, { method: 'POST', headers: { 'x-sim-request': meta } })
    await response.arrayBuffer()
    durations.push(performance.now() - started)
  }
  return durations
}

/**
 * Everything measured in Chromium, on one browser: the worker's req/s, the raw service-worker
 * round trip, then the learner's figures. The built site is copied first, so a rebuild of dist/
 * while the benchmark runs cannot pull files from under it.
 */
async function benchChromium() {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'session-playground-bench-'))
  cpSync(path.join(ROOT, 'dist'), distDir, { recursive: true })
  const served = []
  const site = await startStaticServer({
    root: distDir,
    base: BASE,
    port: 0,
    onRequest: (url) => served.push(url),
  })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
    const workerFile = readdirSync(path.join(distDir, 'assets')).find((name) =>
      /^worker-.*\.js$/.test(name),
    )
    const workerUrl = new URL(`assets/${workerFile}`, site.url).href
    const results = {}
    for (const scenario of SCENARIOS) {
      const steps = scenario.steps()
      const elapsed = await page.evaluate(benchInWorker, {
        workerUrl,
        source: SOURCES[scenario.source],
        steps,
      })
      results[scenario.name] = { requests: steps.length, elapsed }
    }
    const roundTrips = await page.evaluate(benchServiceWorkerRoundTrip, {
      endpoint: new URL('__sim', site.url).href,
      count: 200,
    })
    await page.context().close()

    const startup = await measureStartup({ browser, siteUrl: site.url, distDir, runs: 5, served })
    const uiRoundTrips = await measureRoundTrips({ browser, siteUrl: site.url, count: 50 })
    const fullStore = await measureFullStore({ browser, siteUrl: site.url, sessions: 10_000 })
    return {
      results,
      roundTrips,
      chromiumVersion: browser.version(),
      startup,
      lazy: lazyChunks(distDir),
      uiRoundTrips,
      fullStore,
    }
  } finally {
    await browser.close()
    await site.close()
    rmSync(distDir, { recursive: true, force: true })
  }
}

/** A Markdown-style table, columns padded to their widest cell. */
function printTable(header, table) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...table.map((row) => row[column].length)),
  )
  const line = (cells) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const row of table) console.log(line(row))
}

const perSecond = ({ requests, elapsed }) => (requests / elapsed) * 1000
const msPer = ({ requests, elapsed }) => elapsed / requests
const formatRate = (value) => `${Math.round(value).toLocaleString('en-US')} req/s`

const LOAD_AT_START = os
  .loadavg()
  .map((load) => load.toFixed(2))
  .join(' ')
const rows = []
for (const scenario of SCENARIOS) {
  rows.push({ scenario, node: await benchPlainNode(scenario), api: await benchNodeApi(scenario) })
}
let chromiumFigures
try {
  chromiumFigures = await benchChromium()
} catch (error) {
  console.error(`Chromium figures skipped: ${error.message}`)
}

const machine =
  `${os.cpus().length} cores × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ` +
  `Chromium ${chromiumFigures?.chromiumVersion ?? 'n/a'}, load average ${LOAD_AT_START} at start`
console.log(`\nSession Playground benchmark — ${machine}\n`)
const header = [
  'scenario',
  'requests',
  'plain Node http',
  'sim, Node API',
  'sim, Chromium worker',
  'API/Node',
  'worker/Node',
]
const table = rows.map(({ scenario, node, api }) => {
  const worker = chromiumFigures?.results[scenario.name]
  return [
    scenario.name,
    String(node.requests),
    formatRate(perSecond(node)),
    formatRate(perSecond(api)),
    worker ? formatRate(perSecond(worker)) : 'n/a',
    `${(perSecond(api) / perSecond(node)).toFixed(2)}×`,
    worker ? `${(perSecond(worker) / perSecond(node)).toFixed(2)}×` : 'n/a',
  ]
})
printTable(header, table)

console.log('\nRuntime share of one request (ms):')
for (const { scenario, api } of rows) {
  const worker = chromiumFigures?.results[scenario.name]
  console.log(
    `  ${scenario.name}: ${msPer(api).toFixed(3)} via the Node API` +
      (worker ? `, ${msPer(worker).toFixed(3)} in the Chromium worker` : ''),
  )
}
if (chromiumFigures) {
  const { roundTrips } = chromiumFigures
  console.log(
    `\nPage → service worker → server worker → page, GET / (${roundTrips.length} requests): ` +
      `median ${percentile(roundTrips, 0.5).toFixed(2)} ms, p95 ${percentile(roundTrips, 0.95).toFixed(2)} ms`,
  )
  const newVisitors = chromiumFigures.results['10 000 distinct visitors']
  console.log(
    `New visitors in the Chromium worker: ${formatRate(perSecond(newVisitors))} (target ≥ 2 000 req/s)`,
  )
}

if (chromiumFigures) printLearnerFigures(chromiumFigures)
await printSandboxFrameCost({ root: ROOT, base: BASE, printTable })
await benchLazyStores(ROOT)

// The same waits in Firefox and WebKit, beside Chromium's.
await printEveryEngine({ root: ROOT, chromiumFigures, printTable })

function printLearnerFigures({ startup, lazy, uiRoundTrips, fullStore }) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
  const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`
  const verdict = (value, limit) => (value <= limit ? 'met' : 'MISSED')
  const rows = []
  const { initial, later, notLoaded } = startup.chunks
  const total = initial.reduce((sum, chunk) => sum + chunk.gzip, 0)
  const lazyBefore = initial.filter((chunk) => lazy.has(chunk.file))
  const lazyBytes = lazyBefore.reduce((sum, chunk) => sum + chunk.gzip, 0)
  rows.push([
    'JS + CSS before the first lesson is interactive, gzip -9',
    kb(total),
    '≤ 350.0 KB',
    verdict(total, 350 * 1024),
  ])
  for (const chunk of initial)
    rows.push([
      `  ${chunk.file}${lazy.has(chunk.file) ? ' (lazy import, fetched at idle before interactive)' : ''}`,
      `${kb(chunk.gzip)} (${kb(chunk.raw)} raw)`,
      '',
      '',
    ])
  if (lazyBytes > 0)
    rows.push([
      '  without the lazy chunks fetched early',
      kb(total - lazyBytes),
      '≤ 350.0 KB',
      verdict(total - lazyBytes, 350 * 1024),
    ])
  for (const chunk of later)
    rows.push([
      `  loaded later: ${chunk.file}`,
      `${kb(chunk.gzip)} (${kb(chunk.raw)} raw)`,
      'not counted',
      '',
    ])
  for (const file of notLoaded) rows.push([`  not loaded: ${file}`, '', 'not counted', ''])
  const cold = percentile(startup.cold, 0.5)
  const warm = percentile(startup.warm, 0.5)
  rows.push([
    `Cold load → interactive, fresh context, median of ${startup.cold.length}`,
    `${ms(cold)} (${startup.cold.map(Math.round).join(', ')})`,
    '≤ 1,000 ms',
    verdict(cold, 1000),
  ])
  rows.push([
    `Warm reload → interactive, same context, median of ${startup.warm.length}`,
    `${ms(warm)} (${startup.warm.map(Math.round).join(', ')})`,
    '≤ 500 ms',
    verdict(warm, 500),
  ])
  const { durations, phases } = uiRoundTrips
  const trip = percentile(durations, 0.5)
  rows.push([
    `Enter in the address bar → page, store and jar panels updated, median of ${durations.length}`,
    `${trip.toFixed(1)} ms`,
    '≤ 16 ms',
    verdict(trip, 16),
  ])
  rows.push([
    `  p95 of the same ${durations.length}`,
    `${percentile(durations, 0.95).toFixed(1)} ms`,
    '',
    '',
  ])
  const since = (phase) => `${percentile(phases[phase], 0.5).toFixed(1)} ms`
  rows.push([
    '  median from Enter to: response back in the page (__sim fetch)',
    since('response'),
    '',
    '',
  ])
  rows.push(['  … the store panel showing views: N', since('store'), '', ''])
  rows.push(['  … the new page frame loaded with the response', since('page'), '', ''])
  const filled = fullStore.sessions.toLocaleString('en-US')
  rows.push([
    `Longest main-thread task while the store fills to ${filled} sessions (store panel open)`,
    `${fullStore.fillLongestMs.toFixed(1)} ms (${fullStore.fillLongestCpuMs.toFixed(1)} ms CPU)`,
    '≤ 50 ms',
    verdict(fullStore.fillLongestMs, 50),
  ])
  rows.push([
    '  garbage collection inside the longest traced task',
    `${fullStore.fillLongestGcMs.toFixed(1)} ms of ${fullStore.fillLongestTracedMs.toFixed(1)} ms`,
    '',
    '',
  ])
  rows.push([
    `  tasks ≥ 50 ms during the fill (PerformanceObserver 'longtask')`,
    String(fullStore.fillLongTasks),
    '',
    '',
  ])
  rows.push([
    `  fill time: ${filled} requests in batches of 50 through __sim, panels caught up`,
    ms(fullStore.fillMs),
    '',
    '',
  ])
  rows.push([
    `Longest main-thread task during one more request at ${filled} sessions`,
    `${fullStore.oneMoreLongestMs.toFixed(1)} ms (${fullStore.oneMoreLongestCpuMs.toFixed(1)} ms CPU)`,
    '≤ 50 ms',
    verdict(fullStore.oneMoreLongestMs, 50),
  ])
  rows.push([
    `  that request's round trip (as above)`,
    `${fullStore.oneMoreRoundTripMs.toFixed(1)} ms`,
    '',
    '',
  ])
  console.log(`\nWhat a learner waits for — built site in headless Chromium, ${machine}\n`)
  printTable(['figure', 'measured', 'target', ''], rows)
  console.log(`
How these were measured:
- Interactive: the MSW service worker controls the page, lesson 01 shows "Step 1 of" and its
  "Do it for me" button is enabled (it is only once the lesson's server has started); checked
  on every DOM mutation by an init script, timed with performance.now() from navigation start.
- Bytes: every JS and CSS file the site's server served to the fresh context (page, server
  worker, service worker) before that moment, gzipped from dist/ with node:zlib at level 9;
  1 KB = 1024 bytes. "Lazy" chunks are dynamic import() targets. Loaded later: fetched within
  ${2.5} s after interactive.
- Round trip: keydown of Enter (event.timeStamp) to the moment the page frame has loaded
  "visited this page N times", the store panel lists views: N and the cookie panel lists
  connect.sid — checked on every DOM mutation and frame load in the page; 5 warm-up requests.
- Longest task: the longest RunTask on the renderer main thread in Chromium traces (categories
  toplevel and devtools.timeline, whose MajorGC / MinorGC events give the GC inside it; one trace
  per 500 requests of the fill, which waits for the store panel to catch up), or any 'longtask'
  entry, whichever is longer. Wall time; in brackets the longest task by the main thread's own
  CPU time (the trace's tdur), which a busy machine stretches less.`)
}
