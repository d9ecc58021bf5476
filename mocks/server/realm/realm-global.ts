/**
 * The simulated process's `global`: the host's global object seen through a layer that holds
 * the Node globals of this realm, so `global.x = …` in server code stays inside the realm, and
 * under it only the names Node's global has (node-compat/web-globals.ts).
 */
import process from './node-compat/process'
import { Buffer } from 'buffer'
import * as timers from './node-compat/timers'
import console from './instrument/console'
import { WebSocket, navigator, nodeShapedGlobal } from './node-compat/web-globals'
import { fetch } from './no-network-fetch'

const realmGlobal = Object.create(nodeShapedGlobal) as Record<string, unknown>
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
  navigator,
  fetch,
  WebSocket,
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
