// Screenshots of the session store panel on each database store, taken along lesson 14
// ("Choosing a session store") with its own "Do it for me": Redis keys with their TTLs,
// Postgres rows with their `expire` column, MongoDB documents with their `expires` field.
//
//   npm run build && node scripts/store-screenshots.mjs
//
// Writes screenshots/store-{redis,postgres,mongo}-{desktop,phone}.png (1280×800 and 390×844),
// and store-{postgres,mongo}-expired-…: an expired row waiting for the prune, an expired
// document waiting for the TTL monitor.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startStaticServer } from './serve-static.mjs'

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUTPUT = path.join(PROJECT_ROOT, 'screenshots')
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
const LESSON = '14-choosing-a-store'
/** The step after which each store holds sessions, 1-based. */
const SHOTS = [
  { store: 'redis', step: 3 },
  { store: 'postgres', step: 5 },
  { store: 'postgres-expired', step: 6 },
  { store: 'mongo', step: 8 },
  { store: 'mongo-expired', step: 9 },
]
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
]
/** PGlite boots in the page's worker when the Postgres step runs: seconds on a busy machine. */
const STEP_MS = 60_000

const server = await startStaticServer({ root: path.join(PROJECT_ROOT, 'dist'), port: 0 })
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
await mkdir(OUTPUT, { recursive: true })
try {
  for (const { name, ...options } of SIZES) {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`))
    await page.goto(`${server.url}#/lessons/${LESSON}`)
    const lessonPanel = page.locator('.lp-step')
    for (let step = 1; step <= SHOTS.at(-1).step; step++) {
      const tab = page.getByRole('tab', { name: 'Lesson', exact: true })
      if (await tab.isVisible()) await tab.click()
      await lessonPanel.getByText(new RegExp(`^Step ${step} of \\d+$`, 'i')).waitFor()
      await lessonPanel.getByRole('button', { name: 'Do it for me' }).click()
      await lessonPanel
        .getByText(/^Checks \((\d+) of \1 passing\)$/)
        .waitFor({ timeout: STEP_MS })
        .catch(async () => {
          const open = await page
            .locator('.lp-step .lp-check:not(.lp-check-passed)')
            .allInnerTexts()
          console.log(`  ${name}, step ${step} not passing: ${open.join(' | ')}`)
        })
      const shot = SHOTS.find((candidate) => candidate.step === step)
      if (shot) {
        const storeTab = page.getByRole('tab', { name: /session store/i })
        if (await storeTab.isVisible()) await storeTab.click()
        const inspector = page.locator('.store-inspector')
        await inspector.scrollIntoViewIfNeeded()
        await page.waitForTimeout(500)
        const file = path.join(OUTPUT, `store-${shot.store}-${name}.png`)
        await page.screenshot({ path: file })
        console.log(`  wrote ${path.relative(PROJECT_ROOT, file)}`)
      }
      const lessonTab = page.getByRole('tab', { name: 'Lesson', exact: true })
      if (await lessonTab.isVisible()) await lessonTab.click()
      await lessonPanel.getByRole('button', { name: 'Next step →' }).click()
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
