/**
 * The simulated Redis server: a key-value store with expiry on the virtual clock. It lives in
 * the host, not in a realm, so — like a real Redis — it keeps its data when the Express server
 * restarts, and two server instances can share it. What a realm may ask of it is typed with the
 * realm's host interface, in realm/realm-types.ts.
 */
import type { SharedRedis } from '../../realm/realm-types'

export type { SharedRedis }

interface Entry {
  value: string
  expiresAtMs: number | null
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')
  return new RegExp(`^${escaped}$`)
}

export function createSharedRedis(now: () => number): SharedRedis {
  const entries = new Map<string, Entry>()
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && entry.expiresAtMs !== null && entry.expiresAtMs <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  return {
    get: (key) => live(key)?.value ?? null,
    set: (key, value, ttlSeconds) => {
      entries.set(key, {
        value,
        expiresAtMs: ttlSeconds === undefined ? null : now() + ttlSeconds * 1000,
      })
    },
    expire: (key, ttlSeconds) => {
      const entry = live(key)
      if (!entry) return false
      if (ttlSeconds <= 0) entries.delete(key)
      else entry.expiresAtMs = now() + ttlSeconds * 1000
      return true
    },
    del: (keys) => keys.filter((key) => live(key) !== undefined && entries.delete(key)).length,
    keys: (pattern) => {
      const matcher = globToRegExp(pattern)
      return [...entries.keys()].filter((key) => live(key) !== undefined && matcher.test(key))
    },
    ttl: (key) => {
      const entry = live(key)
      if (!entry) return -2
      return entry.expiresAtMs === null ? -1 : Math.ceil((entry.expiresAtMs - now()) / 1000)
    },
    flushAll: () => entries.clear(),
  }
}
