/** Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core (which downloads nothing). */
import { existsSync } from 'node:fs'
import puppeteer, { type KeyInput } from 'puppeteer-core'
import { stopProcess, type Engine, type LaunchOptions } from './engine'

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'

const KEYS: Record<string, string> = { ' ': 'Space' }

export async function launchFirefox(options: LaunchOptions): Promise<Engine> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox is not installed at ${FIREFOX_PATH}: install Debian's package (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    )
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: options.viewport,
    extraPrefsFirefox: {
      // Only loopback: no update checks, telemetry or captive-portal probes.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      ...(options.insecureHost ? { 'network.dns.localDomains': options.insecureHost.name } : {}),
    },
  })
  const pid = browser.process()?.pid
  // The tab Firefox starts with never becomes its focused window when headless: its page keeps
  // document.hasFocus() false, and Gecko activates a focused <button> on Enter or Space only in
  // the focused window (links it follows all the same). A tab the driver opens gets the focus.
  const initial = await browser.pages()
  const page = await browser.newPage()
  for (const tab of initial) await tab.close()
  // defaultViewport applies to pages opened later, not to the window Firefox starts with.
  await page.setViewport(options.viewport)
  let errors: string[] = []
  // Leaving a page aborts what it was still fetching (a lesson chunk it loads at idle), and
  // Firefox logs each abort that passed the service worker as an error. Such an error can arrive
  // after the next page has loaded, so its time does not tell whose it is; the page does. The one
  // shown counts it only if its own fetch of that file failed (a resource entry with no status):
  // a page that has not asked for the file yet, or got it, is not the one whose fetch was aborted.
  let navigating = false
  const leavingPageAbort =
    /^Failed to load ‘([^’]+)’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/
  const attributions: Promise<void>[] = []
  const failedInShownPage = (url: string) =>
    page
      .evaluate(async (name: string) => {
        // The entry is written when the fetch ends, about when its error is logged.
        for (let attempt = 0; attempt < 10; attempt++) {
          const entries = performance.getEntriesByName(name, 'resource')
          if (entries.length > 0)
            return entries.some(
              (entry) => (entry as PerformanceResourceTiming).responseStatus === 0,
            )
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        return false
      }, url)
      // A page that is being left cannot be asked: the abort is that leaving's.
      .catch(() => false)
  const navigate = async (go: () => Promise<unknown>) => {
    navigating = true
    try {
      await go()
    } finally {
      navigating = false
    }
  }
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const abortedUrl = leavingPageAbort.exec(text)?.[1]
    if (abortedUrl === undefined) {
      errors.push(text)
      return
    }
    if (navigating) return
    attributions.push(
      failedInShownPage(abortedUrl).then((failedHere) => {
        if (failedHere) errors.push(text)
      }),
    )
  })
  page.on('pageerror', (error) =>
    errors.push(error instanceof Error ? error.message : String(error)),
  )
  return {
    name: 'firefox',
    version: `Firefox ${(await browser.version()).split('/').at(-1) ?? ''}`,
    async goto(url) {
      await navigate(() => page.goto(url, { waitUntil: 'load' }))
    },
    async reload() {
      await navigate(() => page.reload({ waitUntil: 'load' }))
    },
    async hardReload() {
      // Firefox's BiDi reload takes no ignoreCache yet: the cache is switched off around it, as
      // with DevTools' "Disable cache".
      await page.setCacheEnabled(false)
      await navigate(() => page.reload({ waitUntil: 'load' }))
      await page.setCacheEnabled(true)
    },
    evaluate: (source, arg) =>
      page.evaluate((code, value) => (0, eval)(`(${code})`)(value), source, arg as never),
    async click(x, y, { button = 'left', modifiers = [] } = {}) {
      const keys = modifiers.map((key) => (KEYS[key] ?? key) as KeyInput)
      for (const key of keys) await page.keyboard.down(key)
      await page.mouse.click(x, y, { button })
      for (const key of [...keys].reverse()) await page.keyboard.up(key)
    },
    async press(chord) {
      const keys = chord.map((key) => (KEYS[key] ?? key) as KeyInput)
      const main = keys.at(-1)
      if (!main) return
      for (const key of keys.slice(0, -1)) await page.keyboard.down(key)
      await page.keyboard.press(main)
      for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key)
    },
    type: (text) => page.keyboard.type(text),
    async setViewport(viewport) {
      await page.setViewport(viewport)
      return viewport
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` })
    },
    async cookies() {
      return (await browser.cookies()).map(({ name, domain }) => ({ name, domain }))
    },
    async takeErrors() {
      await Promise.all(attributions.splice(0))
      const taken = errors
      errors = []
      return taken
    },
    async close() {
      await browser.close().catch(() => {})
      stopProcess(pid)
    },
  }
}
