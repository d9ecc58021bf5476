/**
 * What a realm needs from the JavaScript environment it runs in, found the same way in Node
 * and in a Web Worker: timers, random bytes, and a fast macrotask — Node's setImmediate, or a
 * MessageChannel in browsers, where nested setTimeout(0) is clamped to 4 ms.
 */
import type { RealmHost } from '../realm/realm-types'

export type HostPlatform = Pick<
  RealmHost,
  'scheduleImmediate' | 'setTimer' | 'clearTimer' | 'fillRandom' | 'evaluateScript'
>

interface PortLike {
  onmessage: ((event: unknown) => void) | null
  postMessage(message: unknown): void
  unref?: () => void
}

interface EnvironmentGlobals {
  setImmediate?: (callback: () => void) => unknown
  MessageChannel?: new () => { port1: PortLike; port2: PortLike }
  setTimeout(callback: () => void, ms: number): unknown
  setInterval(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  clearInterval(handle: unknown): void
  crypto: { getRandomValues(bytes: Uint8Array): Uint8Array }
}

const environment = globalThis as unknown as EnvironmentGlobals

function createMessageChannelImmediate(Channel: NonNullable<EnvironmentGlobals['MessageChannel']>) {
  const { port1, port2 } = new Channel()
  let queue: Array<() => void> = []
  let posted = false
  port1.onmessage = () => {
    posted = false
    const batch = queue
    queue = []
    for (const callback of batch) callback()
  }
  port1.unref?.()
  return (callback: () => void) => {
    queue.push(callback)
    if (!posted) {
      posted = true
      port2.postMessage(0)
    }
  }
}

function pickImmediate(): (callback: () => void) => void {
  const nodeImmediate = environment.setImmediate
  if (typeof nodeImmediate === 'function') return (callback) => void nodeImmediate(callback)
  if (environment.MessageChannel) return createMessageChannelImmediate(environment.MessageChannel)
  return (callback) => void environment.setTimeout(callback, 0)
}

interface TimerHandle {
  handle: unknown
  repeat: boolean
}

export function createHostPlatform(): HostPlatform {
  return {
    scheduleImmediate: pickImmediate(),
    setTimer: (callback, delayMs, repeat): TimerHandle => {
      const handle = repeat
        ? environment.setInterval(callback, delayMs)
        : environment.setTimeout(callback, delayMs)
      // In Node, a server's own timers must not keep the test process or a script alive.
      ;(handle as { unref?: () => void }).unref?.()
      return { handle, repeat }
    },
    clearTimer: (timer) => {
      const { handle, repeat } = timer as TimerHandle
      if (repeat) environment.clearInterval(handle)
      else environment.clearTimeout(handle)
    },
    fillRandom: (bytes) => void environment.crypto.getRandomValues(bytes),
  }
}
