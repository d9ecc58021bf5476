/**
 * The simulated process's `global`: the host's global object seen through a layer that holds
 * the Node globals of this realm, so `global.x = …` in server code stays inside the realm.
 */
import process from './process'
import { Buffer } from 'buffer'
import * as timers from './timers'
import console from '../instrument/console'

const realmGlobal: Record<string, unknown> = Object.create(globalThis)
Object.assign(realmGlobal, {
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
})
realmGlobal.global = realmGlobal
realmGlobal.globalThis = realmGlobal

export default realmGlobal
