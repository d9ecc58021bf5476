/**
 * The simulated Redis server: a key-value store with expiry on the virtual clock. It lives in
 * the host, not in a realm, so — like a real Redis — it keeps its data when the Express server
 * restarts, and two server instances can share it. Its commands are answered by
 * host/services/redis-server.ts, which tests/differential/redis compares with a real Redis; what a
 * realm may ask of it is typed with the realm's host interface, in realm/realm-types.ts.
 *
 * The command engine, the `redis` client and connect-redis load in a lazy chunk, only when a server requires `redis`
 * or `connect-redis` (requires-redis.ts): until then the server is an empty Redis to every
 * reader, and other servers load no byte of it.
 */
import type { LazyPackage, RealmHost, SharedRedis } from '../../realm/realm-types'
import type { RedisServer } from './redis-server'
import type * as RedisChunk from './redis-chunk'

export type { SharedRedis }

export interface RedisService extends SharedRedis {
  readonly loaded: boolean
  /** Loads the lazy chunk: the command engine, its keyspace empty, the client and connect-redis. */
  load(): Promise<void>
  /** The packages of the lazy chunk, once loaded. */
  packages(): Readonly<Record<string, LazyPackage>> | undefined
  /** The `redis` client module of the lazy chunk, once loaded. */
  redisClient(): RealmHost['redisClient']
}

// A type-only import: the chunk itself loads lazily, through import() below.
type Chunk = typeof RedisChunk

export function createSharedRedis(
  now: () => number,
  loadChunk: () => Promise<Chunk> = () => import('./redis-chunk'),
): RedisService {
  let chunk: Chunk | undefined
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
      chunk ??= await loadChunk()
      server ??= chunk.createRedisServer(now)
    },
    packages: () => chunk?.packages,
    redisClient: () => chunk?.redisClient,
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
