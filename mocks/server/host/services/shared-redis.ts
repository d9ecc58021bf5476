/**
 * The simulated Redis server: a key-value store with expiry on the virtual clock. It lives in
 * the host, not in a realm, so — like a real Redis — it keeps its data when the Express server
 * restarts, and two server instances can share it. Its commands are answered by
 * host/services/redis-server.ts, which tests/differential/redis compares with a real Redis; what a
 * realm may ask of it is typed with the realm's host interface, in realm/realm-types.ts.
 *
 * The command engine loads lazily, only when a server requires `redis` or `connect-redis`
 * (requires-redis.ts): until then the server is an empty Redis to every reader, and other
 * servers load no byte of it.
 */
import type { SharedRedis } from '../../realm/realm-types'
import type { RedisServer } from './redis-server'
import type * as RedisServerModule from './redis-server'

export type { SharedRedis }

export interface RedisService extends SharedRedis {
  readonly loaded: boolean
  /** Loads the command engine; the keyspace starts empty. */
  load(): Promise<void>
}

// A type-only import: the module itself loads lazily, through import() below.
type Module = typeof RedisServerModule

export function createSharedRedis(
  now: () => number,
  loadModule: () => Promise<Module> = () => import('./redis-server'),
): RedisService {
  let server: RedisServer | undefined
  const running = (): RedisServer => {
    if (!server)
      throw new Error(
        "the playground's Redis server is not running: it starts for a server whose code has require('redis') or require('connect-redis')",
      )
    return server
  }

  return {
    get loaded() {
      return server !== undefined
    },
    async load() {
      if (server) return
      const { createRedisServer } = await loadModule()
      server ??= createRedisServer(now)
    },
    command: (argv) => running().command(argv),
    get: (key) => server?.getString(key) ?? null,
    set: (key, value, ttlSeconds) => {
      const redis = running()
      if (ttlSeconds === undefined) return void redis.command(['SET', key, value])
      const ttlMs = Math.round(ttlSeconds * 1000)
      // Redis refuses a TTL that is not positive; a value already out of time is simply gone.
      if (ttlMs <= 0) redis.command(['DEL', key])
      else redis.command(['SET', key, value, 'PX', String(ttlMs)])
    },
    expire: (key, ttlSeconds) =>
      server?.command(['PEXPIRE', key, String(Math.round(ttlSeconds * 1000))]) === 1,
    del: (keys) =>
      keys.length === 0 || !server ? 0 : (server.command(['DEL', ...keys]) as number),
    keys: (pattern) => server?.keys(pattern) ?? [],
    ttl: (key) => (server ? (server.command(['TTL', key]) as number) : -2),
    pttl: (key) => server?.pttl(key) ?? -2,
    flushAll: () => void server?.command(['FLUSHALL']),
  }
}
