/**
 * Uncaught exceptions, the way Node treats them: if the server registered an
 * `uncaughtException` listener it gets the error and the server lives on; otherwise the
 * process dies — here, the realm stops serving until the server is restarted.
 */
import { describeError } from './describe-error'
import { drainTicks } from './tick-queue'

type CrashListener = (error: unknown) => void

let crashed = false
const crashListeners: CrashListener[] = []
let uncaughtHandler: ((error: unknown) => boolean) | undefined
let rejectionHandler: ((reason: unknown) => void) | undefined

export function isCrashed(): boolean {
  return crashed
}

export function onCrash(listener: CrashListener): void {
  crashListeners.push(listener)
}

/** process.ts installs this: it returns true when a listener on `process` handled the error. */
export function setUncaughtExceptionHandler(handler: (error: unknown) => boolean): void {
  uncaughtHandler = handler
}

/** process.ts installs this: Node's rules for a rejection nobody handled (listeners, or a crash). */
export function setUnhandledRejectionHandler(handler: (reason: unknown) => void): void {
  rejectionHandler = handler
}

/**
 * The host saw a promise of this realm's rejected with no handler. Since Node 15 that ends the
 * process, unless an `unhandledRejection` listener takes it.
 */
export function reportUnhandledRejection(reason: unknown): void {
  if (crashed) return
  if (rejectionHandler) rejectionHandler(reason)
  else reportUncaught(reason)
  drainTicks()
}

export function reportUncaught(error: unknown): void {
  if (crashed) return
  try {
    if (uncaughtHandler?.(error)) return
  } catch (second) {
    error = second
  }
  crashed = true
  for (const listener of crashListeners) listener(error)
}

/** The process ends without an exception (process.exit, abort). */
export function stopProcess(reason: string): void {
  if (crashed) return
  crashed = true
  const error = new Error(reason)
  error.name = 'ProcessExit'
  for (const listener of crashListeners) listener(error)
}

/** Runs a callback that the event loop started: a throw out of it is an uncaught exception. */
export function runGuarded(callback: () => unknown): void {
  if (crashed) return
  try {
    const result = callback()
    // Nobody awaits what an event-loop callback returns: a rejection there is unhandled, and
    // Node (since v15) ends the process for it.
    if (isThenable(result)) result.then(undefined, reportUncaught)
  } catch (error) {
    reportUncaught(error)
  }
  drainTicks()
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

export { describeError }
