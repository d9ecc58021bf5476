// Takes the screenshots a reviewer looks at: the built site (dist/, from `npm run build`) served
// as on GitHub Pages, in Debian's headless Chromium, at a desktop and a phone size.
//
//   npm run screenshots        (builds first)
//   node scripts/screenshots.mjs
//
// Writes screenshots/desktop.png (1280×800) and screenshots/phone.png (390×844), then two
// close-ups of the server panel: desktop-server.png (its tab opened) and
// desktop-server-error.png (after running code with a syntax error). Steps that need a panel
// which is not on the page are skipped with a note, never fatal.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startStaticServer } from './serve-static.mjs'

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUTPUT = path.join(PROJECT_ROOT, 'screenshots')
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** How long a step may wait for an element before it is taken as missing. */
const STEP_TIMEOUT_MS = 3000

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
]

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `Chromium is not at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH.`,
  )
  process.exit(1)
}
if (!existsSync(path.join(PROJECT_ROOT, 'dist', 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first (`npm run screenshots` does).')
  process.exit(1)
}

/** Runs one step of the scenario; a step whose elements are missing is reported and skipped. */
async function step(description, action) {
  try {
    await action()
    console.log(`  ✓ ${description}`)
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    console.log(`  – skipped: ${description} (${reason})`)
  }
}

/** What the learner does before the picture: open the site in Alice's tab. */
async function visitAsAlice(page) {
  await step("go to / in Alice's tab", async () => {
    // On a phone the panels are tabs: the browser is behind its own.
    const browserPanel = page.getByRole('tab', { name: 'Browser', exact: true })
    if (await browserPanel.isVisible()) await browserPanel.click({ timeout: STEP_TIMEOUT_MS })
    const aliceTab = page.getByRole('tab', { name: /alice/i }).first()
    if (await aliceTab.count()) await aliceTab.click({ timeout: STEP_TIMEOUT_MS })
    const address = page
      .getByRole('textbox', { name: /address|url|location/i })
      .or(page.getByRole('combobox', { name: /address|url|location/i }))
      .first()
    await address.fill('/', { timeout: STEP_TIMEOUT_MS })
    await address.press('Enter')
    await page.waitForTimeout(1000)
  })
}

/** The server panel, opened, then with a syntax error run: how a load error reads. */
async function showServerPanel(page, shoot) {
  await step('open the Server tab', async () => {
    await page.getByRole('tab', { name: 'Server' }).click({ timeout: STEP_TIMEOUT_MS })
    await page.getByRole('textbox', { name: 'server.js' }).waitFor({ timeout: STEP_TIMEOUT_MS })
    await shoot('desktop-server')
  })
  await step('run code with a syntax error', async () => {
    const editor = page.getByRole('textbox', { name: 'server.js' })
    await editor.click({ timeout: STEP_TIMEOUT_MS })
    await page.keyboard.press('Control+Home')
    for (let line = 0; line < 5; line++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.type(' =')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.getByRole('alert').first().waitFor({ timeout: STEP_TIMEOUT_MS })
    await shoot('desktop-server-error')
  })
}

const server = await startStaticServer({ root: path.join(PROJECT_ROOT, 'dist'), port: 0 })
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
await mkdir(OUTPUT, { recursive: true })
let failed = false
try {
  for (const { name, ...options } of SIZES) {
    console.log(`${name} (${options.viewport.width}×${options.viewport.height})`)
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`  console error: ${message.text()}`)
    })
    await page.goto(server.url)
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 })
    if (await page.getByRole('heading', { name: /could not start/ }).count()) {
      console.log('  the playground did not start: the screenshot shows why')
      failed = true
    } else {
      await visitAsAlice(page)
    }
    const shoot = async (fileName) => {
      const file = path.join(OUTPUT, `${fileName}.png`)
      await page.screenshot({ path: file })
      console.log(`  wrote ${path.relative(PROJECT_ROOT, file)}`)
    }
    await shoot(name)
    if (name === 'desktop' && !failed) await showServerPanel(page, shoot)
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
process.exitCode = failed ? 1 : 0
