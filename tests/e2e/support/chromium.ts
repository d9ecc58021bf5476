/**
 * Headless Debian Chromium driven by playwright-core, against the built site served like GitHub
 * Pages. Playwright's own browser download cannot work here; `.ci/run` installs `chromium`.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startStaticServer } from '../../../scripts/serve-static.mjs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SITE_BASE = '/session-playground/'

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

export interface Site {
  browser: Browser
  url: string
  close(): Promise<void>
}

export async function openSite(): Promise<Site> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
  }
  const server = await startStaticServer({ root: 'dist', base: SITE_BASE, port: 0 })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/** Collects what the page prints to its console as errors, and its uncaught exceptions. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
