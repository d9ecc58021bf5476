/**
 * The few primitives each browser engine provides to the driver (../driver.ts), which builds
 * every verb a test uses out of them. Coordinates are CSS pixels in the top window's viewport.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit'

export interface Viewport {
  width: number
  height: number
}

export interface LaunchOptions {
  viewport: Viewport
  /**
   * A name that leads to the test server at `server` (http://127.0.0.1:PORT): plain http on a
   * name other than localhost is not a secure context, so the page gets no service workers.
   */
  insecureHost?: { name: string; server: string }
}

export interface RealCookie {
  name: string
  domain: string
}

export interface ClickOptions {
  button?: 'left' | 'middle'
  modifiers?: readonly string[]
}

export interface Engine {
  readonly name: EngineName
  /** The browser's own name and version, e.g. "Firefox 153.0". */
  readonly version: string
  goto(url: string): Promise<void>
  reload(): Promise<void>
  /**
   * A reload with every file again from the server, not from the HTTP cache (Chromium: its own
   * Shift+Reload). Absent where the driver has no such command (WebDriver classic, hence WebKit).
   */
  hardReload?: () => Promise<void>
  /** Calls `(${source})(arg)` in the top document and resolves with its (awaited) result. */
  evaluate<T>(source: string, arg: unknown): Promise<T>
  /** The left button unless told; `modifiers` held during the click: `['Control']`. */
  click(x: number, y: number, options?: ClickOptions): Promise<void>
  /** Presses one key with modifiers held: `['Shift', 'Tab']`, `['Control', 'a']`. */
  press(chord: readonly string[]): Promise<void>
  type(text: string): Promise<void>
  /** Resolves with the viewport size the engine could give, which may differ from the one asked. */
  setViewport(viewport: Viewport): Promise<Viewport>
  screenshot(path: string): Promise<void>
  /** Every cookie the real browser holds for the site. */
  cookies(): Promise<RealCookie[]>
  /** Console errors and uncaught errors since the last call. */
  takeErrors(): Promise<string[]>
  close(): Promise<void>
}

/** Stops a process we started, if it is still there; `group` for a detached process group. */
export function stopProcess(pid: number | undefined, group = false): void {
  if (pid === undefined) return
  try {
    process.kill(group ? -pid : pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
