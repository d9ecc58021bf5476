/**
 * One small set of verbs for every browser engine: open, click, fill, type, press, read text,
 * wait, screenshot, cookies, errors, evaluate. A spec is written once against these and runs in
 * Chromium (playwright-core), Firefox (puppeteer-core over WebDriver BiDi) and WebKit
 * (selenium-webdriver against WebKitWebDriver). Elements are found by the page itself (see
 * in-page-finder.js); clicks and keys are the engine's own input, as a learner's would be.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { startStaticServer } from '../../../scripts/serve-static.mjs'
import { launchChromium } from './engines/chromium'
import type {
  ClickOptions,
  Engine,
  EngineName,
  LaunchOptions,
  RealCookie,
  Viewport,
} from './engines/engine'
import { launchFirefox } from './engines/firefox'
import { launchWebKit, WEBKIT_ERROR_HOOK } from './engines/webkit'
import type { Locator } from './locator'

export type { EngineName, Viewport } from './engines/engine'

const ALL_ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit']

/**
 * The engines every browser spec runs in, one after another. E2E_ENGINES=webkit (comma-separated)
 * narrows a run while working on one engine; npm test always runs all three.
 */
export const ENGINES: readonly EngineName[] = (() => {
  const wanted = process.env.E2E_ENGINES?.split(',').map((name) => name.trim())
  if (!wanted) return ALL_ENGINES
  const unknown = wanted.filter((name) => !ALL_ENGINES.includes(name as EngineName))
  if (unknown.length > 0)
    throw new Error(`E2E_ENGINES names unknown engines: ${unknown.join(', ')}`)
  return wanted as EngineName[]
})()

export const SITE_BASE = '/session-playground/'
export const DESKTOP: Viewport = { width: 1280, height: 800 }
export const PHONE: Viewport = { width: 390, height: 844 }
export const SCREENSHOTS = 'screenshots'

/**
 * How long one wait or action may take: well under the test timeout, so that a step that never
 * happens fails naming its own locator, not as a bare test timeout.
 */
export const STEP_TIMEOUT_MS = 8_000

/**
 * How long one browser test may take in all: a learner's whole step (typing a line of code key
 * by key over WebDriver included) on a 2-core machine that other jobs share. Each wait inside
 * keeps its own STEP_TIMEOUT_MS, so a step that never happens still fails on its own locator.
 */
export const BROWSER_TEST_TIMEOUT_MS = 60_000

const requireFromHere = createRequire(import.meta.url)
const FINDER_SOURCE = [
  readFileSync(
    requireFromHere.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
    'utf8',
  ),
  readFileSync(new URL('./in-page-finder.js', import.meta.url), 'utf8'),
].join('\n;\n')

export interface Site {
  url: string
  close(): Promise<void>
}

/** The built site, served the way GitHub Pages serves it, for one engine's tests. */
export async function startSite(
  engine: EngineName,
  { root = 'dist', base = SITE_BASE }: { root?: string; base?: string } = {},
): Promise<Site> {
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(`${root}/ is missing: run \`npm run build\` first (npm test does).`)
  }
  return startStaticServer({
    root,
    base,
    port: 0,
    ...(engine === 'webkit' ? { headScript: WEBKIT_ERROR_HOOK } : {}),
  })
}

const LAUNCHERS: Record<EngineName, (options: LaunchOptions) => Promise<Engine>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
}

type PageOp =
  | 'count'
  | 'text'
  | 'innerText'
  | 'texts'
  | 'innerTexts'
  | 'value'
  | 'visible'
  | 'centre'
  | 'focused'
  | 'focus'
  | { attribute: string }

/** Runs in the page: resolves a locator and applies one operation to what it found. */
function pageQuery(this: void, { steps, op }: { steps: unknown; op: PageOp }): unknown {
  const finder = (
    window as unknown as { __e2eFinder?: Record<string, (...args: never[]) => never> }
  ).__e2eFinder
  if (!finder) return { missingFinder: true }
  const all = finder.findAll!(steps as never) as unknown as Element[]
  const first = all[0] as HTMLElement | undefined
  const result = (value: unknown) => ({ value, count: all.length })
  if (op === 'count') return result(all.length)
  if (op === 'texts') return result(all.map((element) => element.textContent ?? ''))
  if (op === 'innerTexts') return result(all.map((element) => (element as HTMLElement).innerText))
  if (!first) return result(null)
  if (op === 'text') return result(first.textContent ?? '')
  if (op === 'innerText') return result(first.innerText)
  if (op === 'value') return result((first as HTMLInputElement).value)
  if (op === 'visible') return result(finder.isVisible!(first as never))
  if (op === 'centre') return result(finder.centre!(first as never))
  if (op === 'focused') return result(finder.activeElement!() === (first as never))
  if (op === 'focus') return result(first.focus())
  return result(first.getAttribute(op.attribute))
}
const PAGE_QUERY = pageQuery.toString()

export interface WaitOptions {
  state?: 'visible' | 'attached' | 'detached'
  timeout?: number
}

export class Driver {
  private readonly engine: Engine

  constructor(engine: Engine) {
    this.engine = engine
  }

  get name(): EngineName {
    return this.engine.name
  }

  get version(): string {
    return this.engine.version
  }

  /** Opens a URL and waits for its load event. */
  open(url: string): Promise<void> {
    return this.engine.goto(url)
  }

  reload(): Promise<void> {
    return this.engine.reload()
  }

  /** Whether this engine's driver can reload ignoring the cache (see hardReload). */
  get canHardReload(): boolean {
    return this.engine.hardReload !== undefined
  }

  /** Shift+Reload: every file of the site again from the server. */
  hardReload(): Promise<void> {
    if (!this.engine.hardReload)
      throw new Error(`${this.name}: the driver has no reload that bypasses the cache`)
    return this.engine.hardReload()
  }

  /** Calls `fn(arg)` in the app's document; `fn` must not use anything from its closure. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.engine.evaluate<T>(fn.toString(), arg)
  }

  private async query<T>(locator: Locator, op: PageOp): Promise<{ value: T; count: number }> {
    const run = () =>
      this.engine.evaluate<{ value: T; count: number } | { missingFinder: true }>(PAGE_QUERY, {
        steps: locator.steps,
        op,
      })
    let answer = await run()
    if ('missingFinder' in answer) {
      await this.engine.evaluate('(source) => { (0, eval)(source) }', FINDER_SOURCE)
      answer = await run()
    }
    if ('missingFinder' in answer)
      throw new Error('could not load the element finder into the page')
    return answer
  }

  count(locator: Locator): Promise<number> {
    return this.query<number>(locator, 'count').then((answer) => answer.value)
  }

  /** The text content of the first match (null when nothing matches). */
  text(locator: Locator): Promise<string | null> {
    return this.query<string | null>(locator, 'text').then((answer) => answer.value)
  }

  /** The rendered text of the first match, as a reader sees it. */
  innerText(locator: Locator): Promise<string | null> {
    return this.query<string | null>(locator, 'innerText').then((answer) => answer.value)
  }

  texts(locator: Locator): Promise<string[]> {
    return this.query<string[]>(locator, 'texts').then((answer) => answer.value)
  }

  innerTexts(locator: Locator): Promise<string[]> {
    return this.query<string[]>(locator, 'innerTexts').then((answer) => answer.value)
  }

  value(locator: Locator): Promise<string | null> {
    return this.query<string | null>(locator, 'value').then((answer) => answer.value)
  }

  attribute(locator: Locator, name: string): Promise<string | null> {
    return this.query<string | null>(locator, { attribute: name }).then((answer) => answer.value)
  }

  isVisible(locator: Locator): Promise<boolean> {
    return this.query<boolean | null>(locator, 'visible').then((answer) => answer.value === true)
  }

  /** Whether the first match has the keyboard focus (inside the page frame too). */
  isFocused(locator: Locator): Promise<boolean> {
    return this.query<boolean | null>(locator, 'focused').then((answer) => answer.value === true)
  }

  /** Waits until the locator matches a visible element (or, with a state, is attached or gone). */
  async waitFor(
    locator: Locator,
    { state = 'visible', timeout = STEP_TIMEOUT_MS }: WaitOptions = {},
  ) {
    const deadline = Date.now() + timeout
    for (;;) {
      const { value: visible, count } = await this.query<boolean | null>(locator, 'visible')
      const done =
        state === 'detached' ? count === 0 : state === 'attached' ? count > 0 : visible === true
      if (done) return
      if (Date.now() > deadline)
        throw new Error(
          `${this.name}: waited ${timeout} ms for ${String(locator)} to be ${state} (matches: ${count})`,
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Polls `read` until it returns `expected` (compared as JSON); fails with the last value. */
  async waitUntil<T>(read: () => Promise<T>, expected: T, what: string, timeout = STEP_TIMEOUT_MS) {
    const deadline = Date.now() + timeout
    let last: T
    for (;;) {
      last = await read()
      if (JSON.stringify(last) === JSON.stringify(expected)) return
      if (Date.now() > deadline)
        throw new Error(
          `${this.name}: ${what} stayed ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`,
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /**
   * Clicks the middle of the first visible match with the engine's own mouse, once it stands
   * still: the same place on two reads a frame apart, as Playwright waits for. (An editor still
   * scrolling, or a badge that has just pushed a button aside, would move it under the mouse.)
   */
  async click(locator: Locator, options?: ClickOptions): Promise<void> {
    await this.waitFor(locator)
    const deadline = Date.now() + STEP_TIMEOUT_MS
    let last: { x: number; y: number } | null = null
    for (;;) {
      const { value } = await this.query<{ x: number; y: number } | null>(locator, 'centre')
      if (!value) throw new Error(`${this.name}: ${String(locator)} went away before the click`)
      if (last && Math.abs(last.x - value.x) < 0.5 && Math.abs(last.y - value.y) < 0.5) {
        await this.engine.click(value.x, value.y, options)
        return
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name}: ${String(locator)} never stood still to be clicked`)
      last = value
      await this.engine.evaluate(
        '() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 16)))',
        undefined,
      )
    }
  }

  /** Presses a key or a chord written like Playwright's: 'Enter', 'Shift+Tab', 'Control+a'. */
  press(keys: string): Promise<void> {
    const chord = keys === '+' ? ['+'] : keys.split('+')
    return this.engine.press(chord)
  }

  /** Types text with the keyboard into whatever has the focus. */
  type(text: string): Promise<void> {
    return this.engine.type(text)
  }

  /**
   * Pastes text into whatever has the focus, as a learner pasting code does: a paste event with
   * the text on its clipboard data (keys would let the editor indent and close brackets).
   * Firefox gives a scripted paste event an empty clipboard, so there the text is inserted with
   * the editing command a paste performs.
   */
  async paste(text: string): Promise<void> {
    await this.evaluate(
      ({ pasted, insert }: { pasted: string; insert: boolean }) => {
        let target = document.activeElement
        while (target instanceof HTMLIFrameElement && target.contentDocument?.activeElement)
          target = target.contentDocument.activeElement
        if (insert) {
          document.execCommand('insertText', false, pasted)
          return
        }
        const data = new DataTransfer()
        data.setData('text/plain', pasted)
        target?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      },
      { pasted: text, insert: this.name === 'firefox' },
    )
  }

  /** Clicks a field, selects what is in it and types `text` in its place. */
  async fill(locator: Locator, text: string): Promise<void> {
    await this.click(locator)
    await this.press('Control+a')
    await this.type(text)
  }

  private viewport: Viewport = DESKTOP

  async setViewport(viewport: Viewport): Promise<void> {
    this.viewport = await this.engine.setViewport(viewport)
  }

  /**
   * Writes screenshots/<name>-<width>x<height>-<engine>.png of the viewport, named for the size
   * the engine really gave.
   */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const { width, height } = this.viewport
    await this.engine.screenshot(`${SCREENSHOTS}/${name}-${width}x${height}-${this.name}.png`)
  }

  cookies(): Promise<RealCookie[]> {
    return this.engine.cookies()
  }

  /** Console errors and uncaught errors since the last call. */
  takeErrors(): Promise<string[]> {
    return this.engine.takeErrors()
  }

  close(): Promise<void> {
    return this.engine.close()
  }
}

/** Starts a fresh browser of the given engine (its own profile) at a desktop size. */
export async function launch(
  engine: EngineName,
  options: Partial<LaunchOptions> = {},
): Promise<Driver> {
  const driver = new Driver(await LAUNCHERS[engine]({ viewport: DESKTOP, ...options }))
  if (options.viewport) await driver.setViewport(options.viewport)
  return driver
}
