/**
 * The simulated process's `global`: the host's global object seen through a layer that holds
 * the Node globals of this realm, so `global.x = …` in server code stays inside the realm.
 */
import process from './node-compat/process'
import { Buffer } from 'buffer'
import * as timers from './node-compat/timers'
import console from './instrument/console'

const realmGlobal: Record<string, unknown> = Object.create(globalThis)
const ownGlobals: Record<string, unknown> = {
  process,
  Buffer,
  console,
  Date: timers.VirtualDate,
  setImmediate: timers.setImmediate,
  clearImmediate: timers.clearImmediate,
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  queueMicrotask: timers.queueMicrotask,
  global: realmGlobal,
  globalThis: realmGlobal,
}
// Defined, not assigned: in Node `process` and `Buffer` are accessors on the real global, and
// assigning through the prototype chain would run their setters and replace the host's own.
for (const [name, value] of Object.entries(ownGlobals)) {
  Object.defineProperty(realmGlobal, name, {
    value,
    writable: true,
    configurable: true,
    enumerable: true,
  })
}

export default realmGlobal
