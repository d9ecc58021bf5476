// What the sandbox frame around the server worker costs a learner's round trip: the site is
// built a second time with the worker started straight from the page (VITE_SERVER_WORKER_FRAME
// =none, a build only this benchmark makes), and both builds are measured in turns on one
// browser, so that the machine's drift falls on both alike. Each turn measures both builds back
// to back; the cost is the median of the turns' differences, which a slow moment of the machine
// moves less than a difference of two medians.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchChromium, measureRoundTrips, median } from './bench-browser.mjs'
import { startStaticServer } from './serve-static.mjs'

const TURNS = 12
const VISITS_PER_TURN = 30

function buildWithoutFrame(root) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'session-playground-no-frame-'))
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      env: { ...process.env, VITE_SERVER_WORKER_FRAME: 'none' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  return outDir
}

/**
 * Medians of the round trip with and without the frame, one per turn. `distDir` is the site as
 * built for learners.
 */
async function benchSandboxFrame({ root, distDir, base }) {
  const withoutFrameDir = buildWithoutFrame(root)
  const sites = {
    withFrame: await startStaticServer({ root: distDir, base, port: 0 }),
    withoutFrame: await startStaticServer({ root: withoutFrameDir, base, port: 0 }),
  }
  const browser = await launchChromium()
  const medians = { withFrame: [], withoutFrame: [] }
  try {
    for (let turn = 0; turn < TURNS; turn++) {
      const order = turn % 2 === 0 ? ['withFrame', 'withoutFrame'] : ['withoutFrame', 'withFrame']
      for (const variant of order) {
        const { durations } = await measureRoundTrips({
          browser,
          siteUrl: sites[variant].url,
          count: VISITS_PER_TURN,
        })
        medians[variant].push(median(durations))
      }
    }
    return medians
  } finally {
    await browser.close()
    for (const site of Object.values(sites)) await site.close()
    rmSync(withoutFrameDir, { recursive: true, force: true })
  }
}

/** Measures the frame's cost and prints it against its target, in the bench's table format. */
export async function printSandboxFrameCost({ root, base, printTable }) {
  let medians
  try {
    medians = await benchSandboxFrame({ root, distDir: path.join(root, 'dist'), base })
  } catch (error) {
    console.error(`Sandbox frame figures skipped: ${error.message}`)
    return
  }
  const { withFrame, withoutFrame } = medians
  const differences = withFrame.map((value, turn) => value - withoutFrame[turn])
  const cost = median(differences)
  const signed = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`
  const each = (values, format = (value) => value.toFixed(1)) => values.map(format).join(', ')
  console.log(
    `\nWhat the sandbox frame costs the address bar round trip — ${withFrame.length} turns, each measuring both builds\n`,
  )
  printTable(
    ['figure', 'measured', 'target', ''],
    [
      ['Round trip, worker in the sandbox frame (as shipped), medians', each(withFrame), '', ''],
      [
        'Round trip, worker started by the page (bench-only build), medians',
        each(withoutFrame),
        '',
        '',
      ],
      ['  difference in each turn, ms', each(differences, signed), '', ''],
      [
        'Cost of the frame: median of the differences',
        `${signed(cost)} ms`,
        '≤ 2.0 ms',
        cost <= 2 ? 'met' : 'MISSED',
      ],
    ],
  )
}
