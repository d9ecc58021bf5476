/**
 * WebKitGTK (Safari's engine): Debian's WebKitWebDriver driving MiniBrowser on a virtual X
 * display (MiniBrowser has no working headless mode), through selenium-webdriver. We start
 * xvfb-run in a process group of its own and stop that group: Xvfb, the driver and the browser.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer } from 'node:net'
import { Builder, Button, Key, Origin, type WebDriver } from 'selenium-webdriver'
import { stopProcess, type Engine, type LaunchOptions, type Viewport } from './engine'

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const XVFB_RUN_PATH = '/usr/bin/xvfb-run'

/**
 * WebDriver classic can neither add a script before the page's own nor report the console, so
 * the test server puts this in every page's head (see startSite): it keeps console errors and
 * uncaught errors in sessionStorage, which survives the page's reloads, until the test reads them.
 */
export const WEBKIT_ERROR_HOOK = `(() => {
  const key = '__e2eErrors'
  const keep = (text) => {
    try {
      const list = JSON.parse(sessionStorage.getItem(key) ?? '[]')
      list.push(String(text))
      sessionStorage.setItem(key, JSON.stringify(list))
    } catch {}
  }
  const error = console.error
  console.error = function (...args) {
    keep(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '))
    return error.apply(this, args)
  }
  addEventListener('error', (event) => keep(event.message))
  addEventListener('unhandledrejection', (event) => keep(event.reason?.message ?? event.reason))
})()`

const KEYS: Record<string, string> = {
  Control: Key.CONTROL,
  Shift: Key.SHIFT,
  Enter: Key.ENTER,
  Tab: Key.TAB,
  Space: ' ',
  ArrowRight: Key.ARROW_RIGHT,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  Home: Key.HOME,
  End: Key.END,
  Escape: Key.ESCAPE,
  Backspace: Key.BACK_SPACE,
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitForDriver(url: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const reason = exited()
    if (reason) throw new Error(`WebKitWebDriver stopped before it answered: ${reason}`)
    try {
      if ((await fetch(`${url}/status`)).ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer at ${url}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Sets the window so that its viewport (not its outer frame) has the wanted size, as near as
 * MiniBrowser allows; resolves with the size it got.
 */
async function setViewport(driver: WebDriver, wanted: Viewport): Promise<Viewport> {
  let outer = { ...wanted }
  let inner: Viewport = { width: 0, height: 0 }
  // The toolbar may still be settling its height: measured a moment after each resize.
  for (let attempt = 0; attempt < 6; attempt++) {
    await driver
      .manage()
      .window()
      .setRect({ x: 0, y: 0, ...outer })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const [width = 0, height = 0] = (await driver.executeScript(
      'return [innerWidth, innerHeight]',
    )) as number[]
    inner = { width, height }
    if (width === wanted.width && height === wanted.height) break
    outer = {
      width: outer.width + wanted.width - width,
      height: outer.height + wanted.height - height,
    }
  }
  return inner
}

export async function launchWebKit(options: LaunchOptions): Promise<Engine> {
  for (const [path, apt] of [
    [WEBKIT_DRIVER_PATH, 'webkit2gtk-driver'],
    [MINIBROWSER_PATH, 'webkit2gtk-driver'],
    [XVFB_RUN_PATH, 'xvfb'],
  ] as const) {
    if (!existsSync(path))
      throw new Error(
        `WebKit tests need ${path}: install Debian's package (sudo apt-get install -y ${apt}).`,
      )
  }
  // MiniBrowser cannot map a name to an address; the test server also answers as a proxy.
  const proxy = options.insecureHost ? [`--proxy=${options.insecureHost.server}`] : []
  const port = await freePort()
  // MiniBrowser's toolbar keeps its window at least 447 px wide, too wide for a phone's 390:
  // a GTK style of its own (in a config folder of its own) shrinks the toolbar, not the page.
  const config = mkdtempSync(path.join(tmpdir(), 'playground-webkit-'))
  mkdirSync(path.join(config, 'gtk-3.0'))
  writeFileSync(
    path.join(config, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 3px; }\n',
  )
  const child = spawn(
    XVFB_RUN_PATH,
    ['-a', '-s', '-screen 0 1600x1000x24', WEBKIT_DRIVER_PATH, `--port=${port}`],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: config },
    },
  )
  let stderr = ''
  let exit: string | undefined
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.on('exit', (code, signal) => (exit = `exit ${code ?? signal}: ${stderr.trim()}`))
  const url = `http://127.0.0.1:${port}`
  let driver: WebDriver
  try {
    await waitForDriver(url, () => exit)
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation', ...proxy] },
      })
      .build()
  } catch (error) {
    stopProcess(child.pid, true)
    rmSync(config, { recursive: true, force: true })
    throw error
  }
  const capabilities = await driver.getCapabilities()
  let viewport = options.viewport
  await setViewport(driver, viewport)
  return {
    name: 'webkit',
    version: `WebKitGTK ${String(capabilities.get('browserVersion'))}`,
    goto: (target) => driver.get(target),
    reload: () => driver.navigate().refresh(),
    evaluate: (source, arg) =>
      driver.executeScript(`return (${source})(arguments[0])`, arg) as Promise<never>,
    click(x, y, { button = 'left', modifiers = [] } = {}) {
      const keys = modifiers.map((key) => KEYS[key] ?? key)
      let actions = driver.actions()
      for (const key of keys) actions = actions.keyDown(key)
      const which = button === 'middle' ? Button.MIDDLE : Button.LEFT
      actions = actions
        .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
        .press(which)
        .release(which)
      for (const key of [...keys].reverse()) actions = actions.keyUp(key)
      return actions.perform()
    },
    async press(chord) {
      const keys = chord.map((key) => KEYS[key] ?? key)
      let actions = driver.actions()
      for (const key of keys) actions = actions.keyDown(key)
      for (const key of [...keys].reverse()) actions = actions.keyUp(key)
      await actions.perform()
    },
    type: (text) => driver.actions().sendKeys(text).perform(),
    setViewport(wanted) {
      viewport = wanted
      return setViewport(driver, wanted)
    },
    async screenshot(file) {
      // The toolbar settles its height after the first pages: the viewport is checked again.
      await setViewport(driver, viewport)
      writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64'))
    },
    async cookies() {
      return (await driver.manage().getCookies()).map(({ name, domain }) => ({
        name,
        domain: domain ?? '',
      }))
    },
    async takeErrors() {
      // The errors live in the site's sessionStorage; about:blank has none to give (and no
      // storage: WebKit calls reading it "insecure").
      return (await driver.executeScript(`
        if (location.protocol === 'about:') return []
        const list = JSON.parse(sessionStorage.getItem('__e2eErrors') ?? '[]')
        sessionStorage.removeItem('__e2eErrors')
        return list`)) as string[]
    },
    async close() {
      await driver.quit().catch(() => {})
      stopProcess(child.pid, true)
      rmSync(config, { recursive: true, force: true })
    },
  }
}
