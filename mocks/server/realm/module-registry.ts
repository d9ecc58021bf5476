/**
 * The modules `require()` can load in server code: the real Express stack (as installed next to
 * a lesson by `npm install express express-session cookie-parser`) and the Node builtins we
 * stand in for. Both `x` and `node:x` spellings work, as in Node.
 */
import events from 'events'
import util from 'util'
import stream from 'stream'
import path from 'path'
import url from 'url'
import * as querystring from './node-compat/querystring'
import stringDecoder from 'string_decoder'
import * as buffer from 'buffer'
import * as http from './node-compat/http'
import * as https from './node-compat/https'
import * as crypto from './node-compat/crypto'
import * as net from './node-compat/net'
import * as zlib from './node-compat/zlib'
import * as tty from './node-compat/tty'
import * as timers from './node-compat/timers'
import fs from './node-compat/fs'
import process from './node-compat/process'
import { instrumentSession } from './instrument/session-wrapper'
import packageLoaders from './package-loaders.cjs'
import type realSession from 'express-session'
import { lazyPackage } from './lazy-packages'
import { host } from './realm-host'

/** Packages load lazily (package-loaders.cjs); the simulated ones are ours. */
const packageFactories: Record<string, () => unknown> = {
  ...packageLoaders,
  'express-session': () =>
    instrumentSession(packageLoaders['express-session']?.() as typeof realSession),
  // The real connect-redis comes with the simulated Redis server, in its lazy chunk (the host
  // loads it before a server that requires it runs); it keeps its place among the packages.
  'connect-redis': () => {
    const lazy = lazyPackage('connect-redis', requireFound)
    if (!lazy)
      throw new Error(
        "connect-redis comes with the playground's Redis server, which starts for a server whose code has require('connect-redis')",
      )
    return lazy.exports
  },
  // A client of the playground's simulated Redis server, with node-redis's API: it comes with
  // the server, in its lazy chunk, and is built on this realm's EventEmitter and setImmediate.
  redis: () => {
    if (!host.redisClient)
      throw new Error(
        "redis comes with the playground's Redis server, which starts for a server whose code has require('redis')",
      )
    return host.redisClient({
      redis: host.redis,
      EventEmitter: events,
      setImmediate: (callback) => timers.setImmediate(callback),
    })
  },
}
const loadedPackages = new Map<string, unknown>()

function loadPackage(name: string): unknown {
  if (!loadedPackages.has(name)) loadedPackages.set(name, packageFactories[name]?.())
  return loadedPackages.get(name)
}

const builtins: Record<string, unknown> = {
  http,
  https,
  crypto,
  events,
  util,
  stream,
  buffer,
  path,
  url,
  querystring,
  string_decoder: stringDecoder,
  fs,
  zlib,
  net,
  tty,
  process,
  timers: {
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
    promises: timers.promises,
  },
  'timers/promises': timers.promises,
}

/** Adds a module that server code may require (used by simulated packages such as redis). */
export function registerPackage(name: string, exports: unknown): void {
  packageFactories[name] = () => exports
}

export function availableModules(): string[] {
  return [...Object.keys(packageFactories), ...Object.keys(builtins)]
}

/** What a lazy package's require() gives: a module of the realm, or Node's error. */
function requireFound(name: string): unknown {
  const found = lookupModule(name)
  if (!found.found) throw new Error(`Cannot find module '${name}'`)
  return found.exports
}

export function lookupModule(
  specifier: string,
): { found: true; exports: unknown } | { found: false } {
  if (Object.hasOwn(packageFactories, specifier))
    return { found: true, exports: loadPackage(specifier) }
  const lazy = lazyPackage(specifier, requireFound)
  if (lazy) return { found: true, exports: lazy.exports }
  const builtin = specifier.startsWith('node:') ? specifier.slice(5) : specifier
  if (Object.hasOwn(builtins, builtin)) return { found: true, exports: builtins[builtin] }
  return { found: false }
}
