// Takes the screenshots a reviewer looks at: the built site (dist/, from `npm run build`) served
// as on GitHub Pages, in Debian's headless Chromium, at a desktop and a phone size.
//
//   npm run screenshots        (builds first)
//   node scripts/screenshots.mjs
//
// Writes screenshots/desktop.png (1280×800) and screenshots/phone.png (390×844), then, at both
// sizes (NAME-desktop.png, NAME-phone.png), what lessons point at: lesson-2-step-2 (the two
// cookies compared, HttpOnly), lesson-10-step-1 (a request's "why" opened) and
// server-load-error (the Server tab after running code with a syntax error); and
// desktop-server.png, the Server tab opened. Steps that need a panel which is not on the page are
// skipped with a note, never fatal.
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

/** How long "Do it for me" may take for a step: several requests on a loaded machine. */
const DO_IT_TIMEOUT_MS = 15_000

/** Opens a panel's tab where panels are tabs (all of them on a phone); a no-op otherwise. */
async function openTab(page, name) {
  const tab = page.locator('.layout-tablist').getByRole('tab', { name, exact: true })
  if (await tab.count()) await tab.click({ timeout: STEP_TIMEOUT_MS })
}

/** Opens a lesson at its first step and lets "Do it for me" do `steps` steps, as a learner could. */
async function doLessonSteps(page, lessonPath, steps) {
  await page.goto('about:blank')
  await page.goto(lessonPath)
  await openTab(page, 'Lesson')
  const step = page.locator('.lp-step')
  for (let number = 1; number <= steps; number++) {
    if (number > 1) await step.getByRole('button', { name: 'Next step →' }).click()
    await step.getByText(/^Checks \(\d+ of \d+ passing\)$/).waitFor({ timeout: 30_000 })
    await step.getByRole('button', { name: 'Do it for me' }).click()
    await step.getByText(/^Checks \((\d+) of \1 passing\)$/).waitFor({ timeout: DO_IT_TIMEOUT_MS })
  }
}

/** The lesson steps the issue tracker names, each with what its step points at in view. */
async function showLessonSteps(page, siteUrl, shoot, size) {
  await step('lesson 2, step 2: compare the two cookies', async () => {
    await doLessonSteps(page, `${siteUrl}#/lessons/02-session-cookie/signed-value`, 2)
    await openTab(page, 'Cookies')
    await page.getByRole('row').filter({ hasText: 'theme' }).first().waitFor()
    await shoot(`lesson-2-step-2-${size}`)
  })
  await step('lesson 10, step 1: the cookie held back, and why', async () => {
    await doLessonSteps(page, `${siteUrl}#/lessons/10-new-session-every-request`, 1)
    await openTab(page, 'Network')
    await page.locator('[data-exchange-id]').last().click({ timeout: STEP_TIMEOUT_MS })
    await page.getByRole('heading', { name: 'Why' }).first().waitFor({ timeout: STEP_TIMEOUT_MS })
    await shoot(`lesson-10-step-1-${size}`)
  })
}

/** The server panel, opened, then with a syntax error run: how a load error reads. */
async function showServerPanel(page, shoot, size) {
  await step('open the Server tab', async () => {
    await page.getByRole('tab', { name: 'Server' }).click({ timeout: STEP_TIMEOUT_MS })
    await page.getByRole('textbox', { name: 'server.js' }).waitFor({ timeout: STEP_TIMEOUT_MS })
    if (size === 'desktop') await shoot('desktop-server')
  })
  await step('run code with a syntax error', async () => {
    // The fourth line of lesson 10's code, open by now: `const session = require('express-session')`,
    // clicked, since arrow keys move by wrapped rows on a phone.
    const editor = page.getByRole('textbox', { name: 'server.js' })
    await editor.locator('.cm-line').nth(3).click({ timeout: STEP_TIMEOUT_MS })
    await page.keyboard.press('End')
    await page.keyboard.type(' =')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.getByRole('alert').first().waitFor({ timeout: STEP_TIMEOUT_MS })
    await shoot(`server-load-error-${size}`)
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
    if (!failed) {
      await showLessonSteps(page, server.url, shoot, name)
      await showServerPanel(page, shoot, name)
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
process.exitCode = failed ? 1 : 0
