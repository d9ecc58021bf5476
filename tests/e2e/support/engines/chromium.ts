/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work
 * here; `.ci/run` installs `chromium`).
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Engine, LaunchOptions } from './engine'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

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

const KEYS: Record<string, string> = { Control: 'Control', Shift: 'Shift', ' ': 'Space' }

export async function launchChromium(options: LaunchOptions): Promise<Engine> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  const args = [...CHROMIUM_FLAGS]
  if (options.insecureHost)
    args.push(`--host-resolver-rules=MAP ${options.insecureHost.name} 127.0.0.1`)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args })
  const context = await browser.newContext({ viewport: options.viewport })
  const page = await context.newPage()
  let errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async goto(url) {
      await page.goto(url)
    },
    async reload() {
      await page.reload()
    },
    async hardReload() {
      // Chromium's own "reload, ignoring the cache" command.
      const cdp = await context.newCDPSession(page)
      await Promise.all([page.waitForEvent('load'), cdp.send('Page.reload', { ignoreCache: true })])
      await cdp.detach()
    },
    evaluate: (source, arg) =>
      page.evaluate(([code, value]) => (0, eval)(`(${code as string})`)(value), [
        source,
        arg,
      ] as const),
    async click(x, y, { button = 'left', modifiers = [] } = {}) {
      for (const key of modifiers) await page.keyboard.down(KEYS[key] ?? key)
      await page.mouse.click(x, y, { button })
      for (const key of [...modifiers].reverse()) await page.keyboard.up(KEYS[key] ?? key)
    },
    press: (chord) => page.keyboard.press(chord.map((key) => KEYS[key] ?? key).join('+')),
    type: (text) => page.keyboard.type(text),
    async setViewport(viewport) {
      await page.setViewportSize(viewport)
      return viewport
    },
    async screenshot(path) {
      await page.screenshot({ path })
    },
    async cookies() {
      return (await context.cookies()).map(({ name, domain }) => ({ name, domain }))
    },
    async takeErrors() {
      const taken = errors
      errors = []
      return taken
    },
    async close() {
      // Playwright stops the browser process it launched.
      await browser.close()
    },
  }
}
