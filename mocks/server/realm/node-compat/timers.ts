/**
 * Timers of the simulated process, and its clock.
 *
 * - `Date` is virtual: it reads the host's clock, so the playground can fast-forward time and
 *   express-session, MemoryStore and the learner's code all see it.
 * - `setImmediate` rides on the host's fast macrotask (a MessageChannel in browsers, Node's own
 *   setImmediate in Node): MemoryStore defers every callback with it, and a clamped
 *   `setTimeout(0)` would cost 4 ms per store call.
 * - Every callback runs guarded (a throw is an uncaught exception, as in Node) and in the
 *   request that scheduled it, and every timer is tracked so a restart can stop them all.
 */
import { bindToCurrentRequest } from '../request-context'
import { runGuarded } from '../crash'
import { queueTick } from '../tick-queue'
import { host } from '../realm-host'
import { invalidArgType } from './node-errors'

const RealDate = globalThis.Date

function VirtualDateFunction(this: unknown, ...args: unknown[]): unknown {
  if (new.target === undefined) return new RealDate(host.now()).toString()
  const constructorArgs = args.length === 0 ? [host.now()] : args
  return Reflect.construct(RealDate, constructorArgs, new.target)
}
// Sharing Date.prototype keeps `instanceof Date` true for every date, whoever made it.
VirtualDateFunction.prototype = RealDate.prototype
Object.defineProperties(VirtualDateFunction, {
  now: { value: () => host.now(), writable: true, configurable: true },
  parse: { value: RealDate.parse, writable: true, configurable: true },
  UTC: { value: RealDate.UTC, writable: true, configurable: true },
  name: { value: 'Date' },
})

export const VirtualDate = VirtualDateFunction as unknown as DateConstructor

type Callback = (...args: unknown[]) => void

const live = new Set<Timer>()
let disposed = false

/** Node's Timeout / Immediate objects, enough for code that calls ref/unref/refresh on them. */
class Timer {
  hostHandle: unknown
  cancelled = false
  constructor(
    readonly kind: 'timeout' | 'interval' | 'immediate',
    readonly run: () => void,
    readonly delayMs: number,
  ) {}
  ref(): this {
    return this
  }
  unref(): this {
    return this
  }
  hasRef(): boolean {
    return true
  }
  refresh(): this {
    if (this.kind !== 'immediate' && !this.cancelled) {
      host.clearTimer(this.hostHandle)
      this.hostHandle = host.setTimer(this.run, this.delayMs, this.kind === 'interval')
    }
    return this
  }
  close(): this {
    cancel(this)
    return this
  }
  [Symbol.toPrimitive](): number {
    return timerIds.get(this) ?? 0
  }
}

const timerIds = new WeakMap<Timer, number>()
let nextTimerId = 1

function cancel(timer: unknown): void {
  if (!(timer instanceof Timer) || timer.cancelled) return
  timer.cancelled = true
  live.delete(timer)
  if (timer.kind !== 'immediate') host.clearTimer(timer.hostHandle)
}

function schedule(kind: Timer['kind'], callback: unknown, delay: unknown, args: unknown[]): Timer {
  if (typeof callback !== 'function') {
    throw invalidArgType('callback', 'of type function', callback)
  }
  // Guarded inside the request context, so a crash is reported as that request's.
  const guarded = bindToCurrentRequest(() => runGuarded(() => (callback as Callback)(...args)))
  const delayMs = Math.max(1, Number(delay) || 0)
  const timer: Timer = new Timer(
    kind,
    () => {
      if (timer.cancelled || disposed) return
      if (kind !== 'interval') {
        timer.cancelled = true
        live.delete(timer)
      }
      guarded()
    },
    delayMs,
  )
  timerIds.set(timer, nextTimerId++)
  if (disposed) return timer
  live.add(timer)
  if (kind === 'immediate') host.scheduleImmediate(timer.run)
  else timer.hostHandle = host.setTimer(timer.run, delayMs, kind === 'interval')
  return timer
}

export function setImmediate(callback: unknown, ...args: unknown[]): Timer {
  return schedule('immediate', callback, 0, args)
}

export function clearImmediate(timer: unknown): void {
  cancel(timer)
}

export function setTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): Timer {
  return schedule('timeout', callback, delay, args)
}

export function clearTimeout(timer: unknown): void {
  cancel(timer)
}

export function setInterval(callback: unknown, delay?: unknown, ...args: unknown[]): Timer {
  return schedule('interval', callback, delay, args)
}

export function clearInterval(timer: unknown): void {
  cancel(timer)
}

/** Microtasks keep request attribution and crash semantics like the rest of the loop. */
export function queueMicrotask(callback: () => void): void {
  const guarded = bindToCurrentRequest(() => runGuarded(callback))
  void Promise.resolve().then(guarded)
}

export function nextTick(callback: Callback, ...args: unknown[]): void {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback)
  queueTick(bindToCurrentRequest(() => runGuarded(() => callback(...args))))
}

/** Stops every timer of this realm: a restarted server does not inherit the old one's loops. */
export function disposeTimers(): void {
  disposed = true
  for (const timer of live) cancel(timer)
}

export const promises = {
  setTimeout: (delay?: number, value?: unknown) =>
    new Promise((resolve) => setTimeout(() => resolve(value), delay)),
  setImmediate: (value?: unknown) => new Promise((resolve) => setImmediate(() => resolve(value))),
}
