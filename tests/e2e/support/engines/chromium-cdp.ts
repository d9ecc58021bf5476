/**
 * Debian's Chromium driven over a bare DevTools Protocol connection, for the one case Playwright
 * cannot follow: Playwright takes the crash of an out-of-process frame (the server's sandbox
 * frame, whose worker ran out of memory) for a crash of the whole page, and drives it no more.
 * The page itself lives on, and this engine keeps talking to it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_PATH, CHROMIUM_FLAGS } from './chromium'
import { stopProcess, type Engine, type LaunchOptions } from './engine'

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown }
type Reply = { result?: unknown; error?: { message: string } }

/** CDP's `modifiers` bit field. */
const MODIFIER_BITS: Record<string, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 }
const NAMED_KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Tab: { code: 'Tab', keyCode: 9 },
  Escape: { code: 'Escape', keyCode: 27 },
  Backspace: { code: 'Backspace', keyCode: 8 },
  End: { code: 'End', keyCode: 35 },
  Home: { code: 'Home', keyCode: 36 },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
}

function keyEvent(key: string, modifiers: number) {
  const named = NAMED_KEYS[key]
  if (named)
    return { key, code: named.code, windowsVirtualKeyCode: named.keyCode, text: named.text }
  if (MODIFIER_BITS[key] !== undefined)
    return {
      key,
      code: `${key}Left`,
      windowsVirtualKeyCode: { Alt: 18, Control: 17, Meta: 91, Shift: 16 }[key],
    }
  const upper = key.toUpperCase()
  // A chord with Control or Meta is a command, not text.
  const text = modifiers & (MODIFIER_BITS.Control! | MODIFIER_BITS.Meta!) ? undefined : key
  return { key, code: `Key${upper}`, windowsVirtualKeyCode: upper.charCodeAt(0), text }
}

export async function launchChromiumOverCdp(options: LaunchOptions): Promise<Engine> {
  const profile = mkdtempSync(path.join(tmpdir(), 'chromium-cdp-'))
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = ''
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said)
      if (found?.[1]) resolve(found[1])
    })
    child.once('exit', () => reject(new Error(`Chromium exited before it listened: ${said}`)))
  })
  const socket = new WebSocket(endpoint)
  await new Promise((resolve, reject) => {
    socket.onopen = resolve
    socket.onerror = reject
  })

  let nextId = 1
  const replies = new Map<number, (reply: Reply) => void>()
  const listeners = new Map<string, (params: Record<string, unknown>) => void>()
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(String(data)) as Message & Reply
    if (message.id !== undefined) replies.get(message.id)?.(message)
    else if (message.method) listeners.get(message.method)?.(message.params ?? {})
  }
  /** Commands go to the browser until the tab's session is attached, then to the tab. */
  const tabSession: { id?: string } = {}
  async function send<T>(method: string, params: object = {}): Promise<T> {
    const id = nextId++
    const reply = await new Promise<Reply>((resolve) => {
      replies.set(id, resolve)
      socket.send(
        JSON.stringify({
          id,
          method,
          params,
          ...(tabSession.id ? { sessionId: tabSession.id } : {}),
        }),
      )
    })
    replies.delete(id)
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`)
    return reply.result as T
  }

  const { targetInfos } = await send<{ targetInfos: { targetId: string; type: string }[] }>(
    'Target.getTargets',
  )
  const tab = targetInfos.find((target) => target.type === 'page')
  if (!tab) throw new Error('Chromium opened no tab')
  const attached = await send<{ sessionId: string }>('Target.attachToTarget', {
    targetId: tab.targetId,
    flatten: true,
  })
  tabSession.id = attached.sessionId
  let errors: string[] = []
  listeners.set('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type !== 'error') return
    const values = args as { value?: unknown; description?: string }[]
    errors.push(values.map((arg) => String(arg.value ?? arg.description)).join(' '))
  })
  listeners.set('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const details = exceptionDetails as { text: string; exception?: { description?: string } }
    errors.push(details.exception?.description ?? details.text)
  })
  await send('Page.enable')
  await send('Runtime.enable')
  const loaded = () =>
    new Promise<void>((resolve) => listeners.set('Page.loadEventFired', () => resolve()))

  const engine: Engine = {
    name: 'chromium',
    version: 'Chromium (bare DevTools Protocol)',
    async goto(url) {
      const load = loaded()
      await send('Page.navigate', { url })
      await load
    },
    async reload() {
      const load = loaded()
      await send('Page.reload')
      await load
    },
    async evaluate<T>(source: string, arg: unknown): Promise<T> {
      const { result, exceptionDetails } = await send<{
        result: { value?: unknown }
        exceptionDetails?: { text: string; exception?: { description?: string } }
      }>('Runtime.evaluate', {
        expression: `(${source})(${JSON.stringify(arg) ?? 'undefined'})`,
        awaitPromise: true,
        returnByValue: true,
      })
      if (exceptionDetails)
        throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
      return result.value as T
    },
    async click(x, y, { button = 'left', modifiers = [] } = {}) {
      const held = modifiers.reduce((bits, key) => bits | (MODIFIER_BITS[key] ?? 0), 0)
      for (const type of ['mousePressed', 'mouseReleased'])
        await send('Input.dispatchMouseEvent', {
          type,
          x,
          y,
          button,
          modifiers: held,
          clickCount: 1,
        })
    },
    async press(chord) {
      const keys = [...chord]
      const main = keys.pop() ?? ''
      let held = 0
      for (const key of keys) {
        held |= MODIFIER_BITS[key] ?? 0
        await send('Input.dispatchKeyEvent', {
          type: 'rawKeyDown',
          modifiers: held,
          ...keyEvent(key, held),
        })
      }
      const event = keyEvent(main, held)
      await send('Input.dispatchKeyEvent', {
        type: event.text ? 'keyDown' : 'rawKeyDown',
        modifiers: held,
        ...event,
      })
      await send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: held, ...event })
      for (const key of keys.reverse()) {
        held &= ~(MODIFIER_BITS[key] ?? 0)
        await send('Input.dispatchKeyEvent', {
          type: 'keyUp',
          modifiers: held,
          ...keyEvent(key, held),
        })
      }
    },
    async type(text) {
      await send('Input.insertText', { text })
    },
    async setViewport(viewport) {
      await send('Emulation.setDeviceMetricsOverride', {
        ...viewport,
        deviceScaleFactor: 1,
        mobile: false,
      })
      return viewport
    },
    async screenshot(file) {
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' })
      writeFileSync(file, Buffer.from(data, 'base64'))
    },
    async cookies() {
      const { cookies } = await send<{ cookies: { name: string; domain: string }[] }>(
        'Network.getAllCookies',
      )
      return cookies.map(({ name, domain }) => ({ name, domain }))
    },
    async takeErrors() {
      const taken = errors
      errors = []
      return taken
    },
    async close() {
      socket.close()
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        stopProcess(child.pid)
        await exited
      }
      rmSync(profile, { recursive: true, force: true })
    },
  }
  await engine.setViewport(options.viewport)
  return engine
}
