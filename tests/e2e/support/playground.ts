/**
 * Locators and small actions for the playground's panels, shared by the browser tests. They find
 * things the way a learner (or a screen reader) does: by role and accessible name.
 */
import { mkdirSync } from 'node:fs'
import type { FrameLocator, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export const SCREENSHOTS = 'screenshots'

export const PANEL_NAMES = [
  'Browser',
  'Cookies',
  'Network',
  'Session store',
  'Console',
  'Server',
] as const
export type PanelName = (typeof PANEL_NAMES)[number]

/** What the tests know of one page of the app. */
export function playground(page: Page) {
  const region = (name: string) => page.getByRole('region', { name, exact: true })
  const browserPanel = region('Browser')
  return {
    page,
    region,
    /** The lesson side: a sidebar on a desktop, the first tab panel on a phone. */
    lesson: page.locator('.lp-panel'),
    browserPanel,
    cookiePanel: region('Cookies'),
    networkPanel: region('Network'),
    storePanel: region('Session store'),
    consolePanel: region('Console'),
    serverPanel: region('Server'),
    addressBar: browserPanel.getByRole('textbox', { name: 'Address' }),
    /** The page the simulated browser shows: server HTML in a sandboxed frame. */
    shownPage: (): FrameLocator => browserPanel.frameLocator('iframe[title^="Page at "]'),
    browserTab: (profile: string): Locator =>
      browserPanel.getByRole('tab').filter({ hasText: profile }),
    /** The current step of the open lesson. */
    step: page.locator('.lp-step'),
    checks: page.locator('.lp-step .lp-check'),
  }
}
export type Playground = ReturnType<typeof playground>

/**
 * Shows a panel that shares its area with others as tabs (store, console and server on a
 * desktop; every panel on a phone), by clicking its tab. Panels always on screen need nothing.
 */
export async function showPanel(page: Page, name: PanelName | 'Lesson'): Promise<void> {
  const tab = page.locator('.layout-tablist').getByRole('tab', { name, exact: true })
  if ((await tab.count()) === 0) return
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click()
}

/** Types a path in the active tab's address bar and presses Enter, as a learner would. */
export async function visit(ui: Playground, path: string): Promise<void> {
  await ui.addressBar.click()
  await ui.addressBar.press('ControlOrMeta+A')
  await ui.addressBar.pressSequentially(path)
  await ui.addressBar.press('Enter')
}

/** Waits until every check of the current step has passed (the list says so, and so does each). */
export async function waitForChecksPassing(ui: Playground): Promise<void> {
  await ui.step.getByText(/\((\d+) of \1 passing\)/).waitFor()
}

/**
 * The colours of the current step's checks: their left border, next to the theme's green. A
 * passed check is drawn with `--success`; resolving it through a probe compares like with like.
 */
export async function checkColours(ui: Playground): Promise<{ green: string; checks: string[] }> {
  return ui.page.evaluate(() => {
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
export async function expectStepPassedAndGreen(ui: Playground): Promise<void> {
  await waitForChecksPassing(ui)
  const { green, checks } = await checkColours(ui)
  expect(isGreen(green)).toBe(true)
  expect(checks.length).toBeGreaterThan(0)
  for (const colour of checks) expect(colour).toBe(green)
  await expect(ui.step.getByText(/^Not yet: /).count()).resolves.toBe(0)
  await ui.step.getByRole('heading', { name: /✓ completed/ }).waitFor()
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage })
}

/** What the page leaves behind in the real browser: it should be nothing at all. */
export async function realBrowserTraces(page: Page) {
  return {
    documentCookie: await page.evaluate(() => document.cookie),
    contextCookies: await page.context().cookies(),
    mswCookieStore: await page.evaluate(() => localStorage.getItem('__msw-cookie-store__') ?? '[]'),
  }
}

/** How far the page itself scrolls, across and down: on a desktop each pane scrolls instead. */
export async function pageOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const root = document.documentElement
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight }
  })
}

/** Whether the whole of an element lies inside the viewport. */
export async function isWithinViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const viewport = locator.page().viewportSize()
  if (!box || !viewport) return false
  return (
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height + 0.5 &&
    box.x + box.width <= viewport.width + 0.5
  )
}

/** Whether `locator`'s element has the keyboard focus (in its frame, if it is in one). */
export async function isFocused(locator: Locator): Promise<boolean> {
  // Counted by Playwright's own selector engine: a script of ours could not run in the
  // sandboxed page frame (and Chromium would log that it blocked it).
  return (await locator.locator(':scope:focus').count()) > 0
}

/** What has the focus, in words, for a failure message: "button “Do it for me”". */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement
    while (active instanceof HTMLIFrameElement && active.contentDocument?.activeElement)
      active = active.contentDocument.activeElement
    if (!active) return 'nothing'
    const role = active.getAttribute('role') ?? active.tagName.toLowerCase()
    const name = active.getAttribute('aria-label') ?? (active.textContent ?? '').trim().slice(0, 40)
    return `${role} “${name}”`
  })
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, as a keyboard user
 * would; fails after `max` presses, naming where the focus went.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<number> {
  const visited: string[] = []
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    visited.push(await describeFocus(page))
  }
  throw new Error(
    `${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}; the focus went to:\n  ${visited.join('\n  ')}`,
  )
}

/**
 * Shift+Reload, as Chromium's own "reload, ignoring the cache" command: every file of the site
 * comes again from the server. (DevTools' "bypass the service worker" switch,
 * Network.setBypassServiceWorker, would make the page start uncontrolled too, but here it took
 * effect only some of the time: not a base for a test.)
 */
export async function hardReload(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await Promise.all([
    page.waitForEvent('domcontentloaded'),
    cdp.send('Page.reload', { ignoreCache: true }),
  ])
  await cdp.detach()
}
