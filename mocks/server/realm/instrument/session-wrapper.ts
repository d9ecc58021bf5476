/**
 * What `require('express-session')` returns to server code: the real middleware factory,
 * called with the same options, except that a missing store is created here — the same
 * `new MemoryStore()` express-session would create — so the playground can watch it. The
 * resolved options are reported once, for the explanations.
 */
import type realSession from 'express-session'
import { trackStore, type SessionStoreLike } from './store-spy'
import { emitEvent } from '../event-sink'
import type { CookieOptionsInfo, SessionMiddlewareInfo } from '../realm-types'

type ExpressSession = typeof realSession
let nextMiddlewareId = 1

function describeCookieOptions(cookie: unknown): SessionMiddlewareInfo['cookie'] {
  if (typeof cookie === 'function') return 'function'
  const options = (cookie ?? {}) as Record<string, unknown>
  const maxAge = options.maxAge
  const expires = options.expires
  const info: CookieOptionsInfo = {
    path: typeof options.path === 'string' ? options.path : '/',
    httpOnly: options.httpOnly === undefined ? true : Boolean(options.httpOnly),
    secure: options.secure === 'auto' ? 'auto' : Boolean(options.secure),
    sameSite: options.sameSite as CookieOptionsInfo['sameSite'],
    domain: typeof options.domain === 'string' ? options.domain : undefined,
    maxAgeMs: typeof maxAge === 'number' ? maxAge : null,
    expires: expires instanceof Date ? expires.toISOString() : null,
  }
  return info
}

function describeOptions(options: Record<string, unknown>, storeId: number): SessionMiddlewareInfo {
  const secret = options.secret
  return {
    middlewareId: nextMiddlewareId++,
    storeId,
    name: String(options.name || options.key || 'connect.sid'),
    resave: options.resave === undefined ? true : Boolean(options.resave),
    saveUninitialized:
      options.saveUninitialized === undefined ? true : Boolean(options.saveUninitialized),
    rolling: Boolean(options.rolling),
    unset: options.unset === 'destroy' ? 'destroy' : 'keep',
    proxy: options.proxy === undefined ? undefined : Boolean(options.proxy),
    secretCount: Array.isArray(secret) ? secret.length : secret ? 1 : 0,
    secrets: (Array.isArray(secret) ? secret : [secret]).filter(
      (value): value is string => typeof value === 'string' && value !== '',
    ),
    cookie: describeCookieOptions(options.cookie),
  }
}

export function instrumentSession(real: ExpressSession): ExpressSession {
  function session(options?: Record<string, unknown>) {
    const given = options || {}
    const store = (given.store || new real.MemoryStore()) as SessionStoreLike
    const storeId = trackStore(store)
    const middleware = real({ ...given, store })
    emitEvent({ kind: 'session-middleware', info: describeOptions(given, storeId) })
    return middleware
  }
  // Store, MemoryStore, Cookie and Session stay reachable as on the real export.
  for (const key of Object.getOwnPropertyNames(real)) {
    if (key in session && ['length', 'name', 'prototype', 'arguments', 'caller'].includes(key))
      continue
    Object.defineProperty(
      session,
      key,
      Object.getOwnPropertyDescriptor(real, key) as PropertyDescriptor,
    )
  }
  return session as unknown as ExpressSession
}
