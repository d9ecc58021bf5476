/**
 * The playground's parts as the browser tests find them, for every engine: by role and
 * accessible name, the way a learner (or a screen reader) does, plus small learner actions.
 */
import { expect } from 'vitest'
import type { Driver } from './driver'
import { page, type Locator } from './locator'

const region = (name: string) => page.role('region', name, { exact: true })
const browserPanel = region('Browser')

export const ui = {
  region,
  heading: page.role('heading', 'Session Playground'),
  /** The lesson side: a sidebar on a desktop, the first tab panel on a phone. */
  lesson: page.css('.lp-panel'),
  browserPanel,
  cookiePanel: region('Cookies'),
  networkPanel: region('Network'),
  storePanel: region('Session store'),
  consolePanel: region('Console'),
  serverPanel: region('Server'),
  addressBar: browserPanel.role('textbox', 'Address'),
  /** The page the simulated browser shows: server HTML in a sandboxed frame. */
  shownPage: browserPanel.css('iframe[title^="Page at "]').frame(),
  browserTab: (profile: string): Locator => browserPanel.role('tab').filter(profile),
  /** The current step of the open lesson. */
  step: page.css('.lp-step'),
  nextStep: page.css('.lp-step').role('button', 'Next step →'),
  layoutTab: (name: string) => page.css('.layout-tablist').role('tab', name, { exact: true }),
}

/** Opens the app at `url` and waits until it shows its heading. */
export async function openApp(browser: Driver, url: string): Promise<void> {
  await browser.open(url)
  await browser.waitFor(ui.heading)
}

/**
 * Shows a panel that shares its area with others as tabs (store, console and server on a
 * desktop; every panel on a phone), by clicking its tab. Panels always on screen need nothing.
 */
export async function showPanel(browser: Driver, name: string): Promise<void> {
  const tab = ui.layoutTab(name)
  if ((await browser.count(tab)) === 0) return
  if ((await browser.attribute(tab, 'aria-selected')) !== 'true') await browser.click(tab)
}

/** Types a path in the active tab's address bar and presses Enter, as a learner would. */
export async function visit(browser: Driver, path: string): Promise<void> {
  await browser.fill(ui.addressBar, path)
  await browser.press('Enter')
}

/**
 * Replaces the code in the Server panel's editor and presses Run, as a learner would, then waits
 * until it runs (`timeout` for servers that take long to start, such as one on PGlite), unless
 * `untilRunning` is false (code that is not meant to start).
 */
export async function runServerCode(
  browser: Driver,
  source: string,
  { timeout, untilRunning = true }: { timeout?: number; untilRunning?: boolean } = {},
): Promise<void> {
  await showPanel(browser, 'Server')
  const editor = ui.serverPanel.role('textbox', 'server.js')
  await browser.click(editor.css('.cm-line').first())
  await browser.press('Control+a')
  await browser.paste(source)
  await browser.click(ui.serverPanel.role('button', 'Run', { exact: true }))
  if (!untilRunning) return
  // Until the new code runs, the old server still shows as running, with the edit pending.
  await browser.waitFor(ui.serverPanel.text('Not running yet: press Run'), { state: 'detached' })
  await browser.waitFor(ui.serverPanel.text('Running', true), timeout ? { timeout } : {})
}

/** Fills the login form the shown page holds and presses its button. */
export async function logIn(browser: Driver, username: string, password: string): Promise<void> {
  await browser.fill(ui.shownPage.label('Username'), username)
  await browser.fill(ui.shownPage.label('Password'), password)
  await browser.click(ui.shownPage.role('button', 'Log in'))
}

export async function goToNextStep(browser: Driver, title: string): Promise<void> {
  await browser.click(ui.nextStep)
  await browser.waitFor(ui.step.role('heading', title))
}

/** `rgb(r, g, b)` whose green channel clearly leads: what a learner calls green. */
export function isGreen(colour: string): boolean {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return g > r + 40 && g > b
}

/**
 * Waits until the current step's checks all pass, then asserts what the learner sees of it:
 * every check drawn green, none left "Not yet", and the step marked completed.
 */
export async function expectStepPassedAndGreen(browser: Driver): Promise<void> {
  await browser.waitFor(ui.step.text(/\((\d+) of \1 passing\)/))
  const { green, checks } = await browser.evaluate(() => {
    const probe = document.createElement('span')
    probe.style.color = 'var(--success)'
    document.body.append(probe)
    const green = getComputedStyle(probe).color
    probe.remove()
    const checks = [...document.querySelectorAll('.lp-step .lp-check')].map(
      (check) => getComputedStyle(check).borderLeftColor,
    )
    return { green, checks }
  })
  expect(isGreen(green)).toBe(true)
  expect(checks.length).toBeGreaterThan(0)
  for (const colour of checks) expect(colour).toBe(green)
  expect(await browser.count(ui.step.text(/^Not yet: /))).toBe(0)
  await browser.waitFor(ui.step.role('heading', /✓ completed/))
}

/** What the app leaves behind in the real browser: it should be nothing at all. */
export async function realBrowserTraces(browser: Driver) {
  return {
    documentCookie: await browser.evaluate(() => document.cookie),
    cookies: await browser.cookies(),
    mswCookieStore: await browser.evaluate(
      () => localStorage.getItem('__msw-cookie-store__') ?? '[]',
    ),
  }
}

/** How far the page itself scrolls, across and down: on a desktop each pane scrolls instead. */
export function pageOverflow(browser: Driver): Promise<{ x: number; y: number }> {
  return browser.evaluate(() => {
    const root = document.documentElement
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight }
  })
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, as a keyboard user
 * would; fails after `max` presses, naming where the focus went.
 */
export async function tabTo(
  browser: Driver,
  target: Locator,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<number> {
  const visited: string[] = []
  for (let presses = 0; presses <= max; presses++) {
    if (await browser.isFocused(target)) return presses
    await browser.press(backwards ? 'Shift+Tab' : 'Tab')
    visited.push(
      await browser.evaluate(() => {
        const finder = (
          window as unknown as {
            __e2eFinder: { describe(e: Element | null): string; activeElement(): Element | null }
          }
        ).__e2eFinder
        return finder.describe(finder.activeElement())
      }),
    )
  }
  throw new Error(
    `${browser.name}: ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}; the focus went to:\n  ${visited.join('\n  ')}`,
  )
}
