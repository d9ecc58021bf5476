/**
 * What `require('redis')` gives server code in the playground: node-redis's client API
 * (realm/stand-ins/redis-api.ts) talking to the host's simulated Redis. Replies arrive
 * asynchronously, as over a network connection.
 *
 * It comes in the host's lazy Redis chunk (host/services/redis-chunk.ts), so that a server
 * without Redis loads none of it; each realm builds its own client module on what it lends
 * (module-registry.ts), its EventEmitter and setImmediate, as if the module were evaluated in
 * the realm.
 */
import type { RedisClientLent } from '../realm-types'
import { redisCommandApi, type RawReply } from './redis-api'

// Symbol.for: the realm's SIMULATED_REDIS (realm-host.ts), by which the store spy knows the client.
const SIMULATED_REDIS = Symbol.for('session-playground.simulated-redis')

export function createRedisClientModule({ redis, EventEmitter, setImmediate }: RedisClientLent) {
  /** node-redis's class for a Redis error reply; its message is the server's text. */
  class ErrorReply extends Error {}

  class ClientClosedError extends Error {
    constructor() {
      super('The client is closed')
      this.name = 'ClientClosedError'
    }
  }

  function reply<T>(compute: () => T): Promise<T> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(compute())
        } catch (error) {
          reject(error)
        }
      }),
    )
  }

  class SimulatedRedisClient extends redisCommandApi(EventEmitter) {
    readonly [SIMULATED_REDIS] = true
    isOpen = false
    isReady = false

    connect(): Promise<this> {
      return reply(() => {
        this.isOpen = true
        this.isReady = true
        this.emit('connect')
        this.emit('ready')
        return this
      })
    }

    sendCommand(argv: readonly string[]): Promise<RawReply> {
      if (!this.isOpen) return Promise.reject(new ClientClosedError())
      return reply(() => {
        try {
          return redis.command(argv)
        } catch (error) {
          throw new ErrorReply(error instanceof Error ? error.message : String(error))
        }
      })
    }

    quit(): Promise<'OK'> {
      return this.close()
    }

    close(): Promise<'OK'> {
      return reply(() => {
        this.isOpen = false
        this.isReady = false
        this.emit('end')
        return 'OK'
      })
    }

    destroy(): void {
      this.isOpen = false
      this.isReady = false
    }
  }

  function createClient(_options?: unknown): SimulatedRedisClient {
    return new SimulatedRedisClient()
  }

  return { createClient }
}
