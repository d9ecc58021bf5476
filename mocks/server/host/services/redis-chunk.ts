/**
 * The lazy Redis chunk: the simulated server's command engine, the playground's `redis` client
 * (which each realm builds on what it lends, see realm/stand-ins/redis-client.ts), and the source
 * of the real, unmodified connect-redis that a server evaluates in its realm. Only a server that
 * requires `redis` or `connect-redis` loads it (shared-redis.ts imports it dynamically).
 */
import connectRedisSource from '../../../../node_modules/connect-redis/dist/connect-redis.cjs?raw'
import type { LazyPackage } from '../../realm/realm-types'

export { createRedisServer } from './redis-server'
export { createRedisClientModule as redisClient } from '../../realm/stand-ins/redis-client'

export const packages: Record<string, LazyPackage> = {
  'connect-redis': {
    source: connectRedisSource,
    directory: '/app/node_modules/connect-redis/dist',
    files: {},
  },
}
