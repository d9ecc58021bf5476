/**
 * What `require('redis')` gives server code in the playground: node-redis's client API for the
 * commands connect-redis uses (get, set with EX, expire, del, mGet, scanIterator…), talking to
 * the host's simulated Redis. Replies arrive asynchronously, as over a network connection.
 */
import { EventEmitter } from 'events'
import { host, SIMULATED_REDIS } from '../realm-host'
import { setImmediate } from '../node-compat/timers'

type SetOptions = { EX?: number; PX?: number; expiration?: { type: 'EX' | 'PX'; value: number } }

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

function ttlSecondsOf(options: SetOptions | undefined): number | undefined {
  if (!options) return undefined
  if (options.expiration)
    return options.expiration.type === 'EX'
      ? options.expiration.value
      : options.expiration.value / 1000
  if (options.EX !== undefined) return options.EX
  if (options.PX !== undefined) return options.PX / 1000
  return undefined
}

class ClientClosedError extends Error {
  constructor() {
    super('The client is closed')
    this.name = 'ClientClosedError'
  }
}

export class SimulatedRedisClient extends EventEmitter {
  readonly [SIMULATED_REDIS] = true
  isOpen = false
  isReady = false

  private get redis() {
    if (!this.isOpen) throw new ClientClosedError()
    return host.redis
  }

  connect(): Promise<this> {
    return reply(() => {
      this.isOpen = true
      this.isReady = true
      this.emit('connect')
      this.emit('ready')
      return this
    })
  }

  get(key: string): Promise<string | null> {
    return reply(() => this.redis.get(key))
  }

  set(key: string, value: string, options?: SetOptions): Promise<'OK'> {
    return reply(() => {
      this.redis.set(key, String(value), ttlSecondsOf(options))
      return 'OK'
    })
  }

  expire(key: string, seconds: number): Promise<number> {
    return reply(() => (this.redis.expire(key, seconds) ? 1 : 0))
  }

  del(keys: string | string[]): Promise<number> {
    return reply(() => this.redis.del(Array.isArray(keys) ? keys : [keys]))
  }

  mGet(keys: string[]): Promise<Array<string | null>> {
    return reply(() => keys.map((key) => this.redis.get(key)))
  }

  keys(pattern: string): Promise<string[]> {
    return reply(() => this.redis.keys(pattern))
  }

  ttl(key: string): Promise<number> {
    return reply(() => this.redis.ttl(key))
  }

  async *scanIterator(options: { MATCH?: string; COUNT?: number } = {}): AsyncGenerator<string[]> {
    const keys = await reply(() => this.redis.keys(options.MATCH ?? '*'))
    const count = options.COUNT ?? 10
    for (let i = 0; i < keys.length; i += count) yield keys.slice(i, i + count)
  }

  flushAll(): Promise<'OK'> {
    return reply(() => {
      this.redis.flushAll()
      return 'OK'
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
