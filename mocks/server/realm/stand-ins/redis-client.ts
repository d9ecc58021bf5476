/**
 * What `require('redis')` gives server code in the playground: node-redis's client API
 * (realm/stand-ins/redis-api.ts) talking to the host's simulated Redis. Replies arrive
 * asynchronously, as over a network connection.
 */
import { host, SIMULATED_REDIS } from '../realm-host'
import { setImmediate } from '../node-compat/timers'
import { RedisCommandApi, type RawReply } from './redis-api'

/** node-redis's class for a Redis error reply; its message is the server's text. */
export class ErrorReply extends Error {}

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

export class SimulatedRedisClient extends RedisCommandApi {
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
        return host.redis.command(argv)
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

export function createClient(_options?: unknown): SimulatedRedisClient {
  return new SimulatedRedisClient()
}
