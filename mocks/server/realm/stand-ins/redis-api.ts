/**
 * node-redis's client API (v5/v6, RESP2) over any `sendCommand(argv)`: each method turns its
 * arguments into the argv node-redis would send and its reply into what node-redis returns.
 * The simulated client runs it on the host's Redis; tests/differential/redis checks each
 * method against the real `redis` package talking to a real Redis server.
 *
 * The class is built on the EventEmitter it is given: the realm's own, for the simulated client
 * (redis-client.ts), which the host's lazy Redis chunk brings and the realm builds.
 */
import type { EventEmitter } from 'events'

export type RawReply = string | number | null | RawReply[]
type Argument = string | number

export type SetOptions = {
  expiration?:
    { type: 'EX' | 'PX' | 'EXAT' | 'PXAT'; value: number } | { type: 'KEEPTTL' } | 'KEEPTTL'
  EX?: number
  PX?: number
  EXAT?: number
  PXAT?: number
  KEEPTTL?: boolean
  condition?: 'NX' | 'XX'
  NX?: boolean
  XX?: boolean
  GET?: boolean
}

export type ExpireMode = 'NX' | 'XX' | 'GT' | 'LT'
export interface ScanOptions {
  MATCH?: string
  COUNT?: number
  TYPE?: string
  cursor?: string
}

const keysOf = (keys: string | readonly string[]): string[] =>
  typeof keys === 'string' ? [keys] : [...keys]

function setArguments(options: SetOptions | undefined): string[] {
  const args: string[] = []
  if (!options) return args
  const { expiration } = options
  if (expiration) {
    if (typeof expiration === 'string') args.push(expiration)
    else if (expiration.type === 'KEEPTTL') args.push('KEEPTTL')
    else args.push(expiration.type, String(expiration.value))
  } else if (options.EX !== undefined) args.push('EX', String(options.EX))
  else if (options.PX !== undefined) args.push('PX', String(options.PX))
  else if (options.EXAT !== undefined) args.push('EXAT', String(options.EXAT))
  else if (options.PXAT !== undefined) args.push('PXAT', String(options.PXAT))
  else if (options.KEEPTTL) args.push('KEEPTTL')
  if (options.condition) args.push(options.condition)
  else if (options.NX) args.push('NX')
  else if (options.XX) args.push('XX')
  if (options.GET) args.push('GET')
  return args
}

function scanArguments(options: ScanOptions | undefined): string[] {
  const args: string[] = []
  if (options?.MATCH !== undefined) args.push('MATCH', options.MATCH)
  if (options?.COUNT) args.push('COUNT', String(options.COUNT))
  if (options?.TYPE !== undefined) args.push('TYPE', options.TYPE)
  return args
}

export function redisCommandApi(Emitter: typeof EventEmitter) {
  abstract class RedisCommandApi extends Emitter {
    abstract sendCommand(argv: readonly string[]): Promise<RawReply>

    private run<T>(argv: readonly Argument[]): Promise<T> {
      return this.sendCommand(argv.map(String)) as Promise<T>
    }

    ping(message?: string): Promise<string> {
      return this.run(message === undefined ? ['PING'] : ['PING', message])
    }
    get(key: string): Promise<string | null> {
      return this.run(['GET', key])
    }
    set(key: string, value: Argument, options?: SetOptions): Promise<string | null> {
      return this.run(['SET', key, value, ...setArguments(options)])
    }
    del(keys: string | readonly string[]): Promise<number> {
      return this.run(['DEL', ...keysOf(keys)])
    }
    exists(keys: string | readonly string[]): Promise<number> {
      return this.run(['EXISTS', ...keysOf(keys)])
    }
    expire(key: string, seconds: number, mode?: ExpireMode): Promise<number> {
      return this.run(['EXPIRE', key, seconds, ...(mode ? [mode] : [])])
    }
    pExpire(key: string, ms: number, mode?: ExpireMode): Promise<number> {
      return this.run(['PEXPIRE', key, ms, ...(mode ? [mode] : [])])
    }
    ttl(key: string): Promise<number> {
      return this.run(['TTL', key])
    }
    pTTL(key: string): Promise<number> {
      return this.run(['PTTL', key])
    }
    persist(key: string): Promise<number> {
      return this.run(['PERSIST', key])
    }
    mGet(keys: readonly string[]): Promise<Array<string | null>> {
      return this.run(['MGET', ...keys])
    }
    keys(pattern: string): Promise<string[]> {
      return this.run(['KEYS', pattern])
    }
    async scan(cursor: string, options?: ScanOptions): Promise<{ cursor: string; keys: string[] }> {
      const [next, keys] = await this.run<[string, string[]]>([
        'SCAN',
        cursor,
        ...scanArguments(options),
      ])
      return { cursor: next, keys }
    }
    async *scanIterator(options?: ScanOptions): AsyncGenerator<string[]> {
      let cursor = options?.cursor ?? '0'
      do {
        const reply = await this.scan(cursor, options)
        cursor = reply.cursor
        yield reply.keys
      } while (cursor !== '0')
    }
    dbSize(): Promise<number> {
      return this.run(['DBSIZE'])
    }
    type(key: string): Promise<string> {
      return this.run(['TYPE', key])
    }
    flushDb(mode?: 'ASYNC' | 'SYNC'): Promise<string> {
      return this.run(mode ? ['FLUSHDB', mode] : ['FLUSHDB'])
    }
    flushAll(mode?: 'ASYNC' | 'SYNC'): Promise<string> {
      return this.run(mode ? ['FLUSHALL', mode] : ['FLUSHALL'])
    }
    incr(key: string): Promise<number> {
      return this.run(['INCR', key])
    }
    decr(key: string): Promise<number> {
      return this.run(['DECR', key])
    }
    incrBy(key: string, by: number): Promise<number> {
      return this.run(['INCRBY', key, by])
    }
    hSet(
      key: string,
      field: Argument | Record<string, Argument> | Map<string, Argument>,
      value?: Argument,
    ): Promise<number> {
      const pairs: Argument[] =
        typeof field === 'string' || typeof field === 'number'
          ? [field, value ?? '']
          : [...(field instanceof Map ? field : Object.entries(field))].flat()
      return this.run(['HSET', key, ...pairs])
    }
    hGet(key: string, field: string): Promise<string | null> {
      return this.run(['HGET', key, field])
    }
    async hGetAll(key: string): Promise<Record<string, string>> {
      const flat = await this.run<string[]>(['HGETALL', key])
      const object: Record<string, string> = {}
      for (let i = 0; i < flat.length; i += 2) object[flat[i] ?? ''] = flat[i + 1] ?? ''
      return object
    }
    hDel(key: string, fields: string | readonly string[]): Promise<number> {
      return this.run(['HDEL', key, ...keysOf(fields)])
    }
  }
  return RedisCommandApi
}

/** A client with node-redis's command methods, whatever sends its commands. */
export type RedisCommandApi = InstanceType<ReturnType<typeof redisCommandApi>>
