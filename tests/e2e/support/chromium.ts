/**
 * Headless Debian Chromium driven by playwright-core, against the built site served like GitHub
 * Pages. Playwright's own browser download cannot work here; `.ci/run` installs `chromium`.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
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

export interface OpenSiteOptions {
  /** Extra Chromium flags, e.g. `--host-resolver-rules=…` to serve the site under another name. */
  args?: string[]
  /** The built site to serve (default dist/) and the path it was built for. */
  root?: string
  base?: string
}

export async function openSite({
  args = [],
  root = 'dist',
  base = SITE_BASE,
}: OpenSiteOptions = {}): Promise<Site> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(`${root}/ is missing: run \`npm run build\` first (npm test does).`)
  }
  const server = await startStaticServer({ root, base, port: 0 })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...FLAGS, ...args],
  })
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/**
 * Collects what the page prints to its console as errors, and its uncaught exceptions; pass
 * `errors` to gather several pages' into one list.
 */
export function collectPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/**
 * How long one wait or action may take: well under the test timeout (20 s), so that a step that
 * never happens fails with its own locator in the message, not as a bare test timeout.
 */
export const STEP_TIMEOUT_MS = 8_000

/** A fresh context (its own storage) at the given viewport, with the step timeout. */
export async function newContext(
  site: Site,
  viewport = { width: 1280, height: 800 },
): Promise<BrowserContext> {
  const context = await site.browser.newContext({ viewport })
  context.setDefaultTimeout(STEP_TIMEOUT_MS)
  return context
}

/** A page in a fresh context of its own. */
export async function newPage(site: Site, viewport?: { width: number; height: number }) {
  return (await newContext(site, viewport)).newPage()
}
