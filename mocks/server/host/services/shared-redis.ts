/**
 * The simulated Redis server: a key-value store with expiry on the virtual clock. It lives in
 * the host, not in a realm, so — like a real Redis — it keeps its data when the Express server
 * restarts, and two server instances can share it. Its commands are answered by
 * host/services/redis-server.ts, which tests/differential/redis compares with a real Redis; what a
 * realm may ask of it is typed with the realm's host interface, in realm/realm-types.ts.
 */
import type { SharedRedis } from '../../realm/realm-types'
import { createRedisServer } from './redis-server'

export type { SharedRedis }

export function createSharedRedis(now: () => number): SharedRedis {
  const server = createRedisServer(now)
  return {
    command: (argv) => server.command(argv),
    get: (key) => server.getString(key),
    set: (key, value, ttlSeconds) => {
      if (ttlSeconds === undefined) return void server.command(['SET', key, value])
      const ttlMs = Math.round(ttlSeconds * 1000)
      // Redis refuses a TTL that is not positive; a value already out of time is simply gone.
      if (ttlMs <= 0) server.command(['DEL', key])
      else server.command(['SET', key, value, 'PX', String(ttlMs)])
    },
    expire: (key, ttlSeconds) =>
      server.command(['PEXPIRE', key, String(Math.round(ttlSeconds * 1000))]) === 1,
    del: (keys) => (keys.length === 0 ? 0 : (server.command(['DEL', ...keys]) as number)),
    keys: (pattern) => server.keys(pattern),
    ttl: (key) => server.command(['TTL', key]) as number,
    pttl: (key) => server.pttl(key),
    flushAll: () => void server.command(['FLUSHALL']),
  }
}
