/**
 * node-redis's methods, as server code calls them, on the real `redis` client talking to a real
 * redis-server and on the playground's client API over the simulated Redis; then the real
 * connect-redis store on each. Results (and errors) must be the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from 'redis'
import { RedisStore } from 'connect-redis'
import { createRedisServer } from '../../../mocks/server/host/services/redis-server'
import { EventEmitter } from 'events'
import { redisCommandApi, type RawReply } from '../../../mocks/server/realm/stand-ins/redis-api'
import { startRedisServer, type RedisServerProcess } from '../../support/redis-server'

/** The realm's client, minus the realm: same API, replies one macrotask later. */
class SimulatedClient extends redisCommandApi(EventEmitter) {
  private readonly server = createRedisServer(() => Date.now())
  sendCommand(argv: readonly string[]): Promise<RawReply> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(this.server.command(argv))
        } catch (error) {
          reject(new Error((error as Error).message))
        }
      }),
    )
  }
}

// Typed loosely on purpose: the same calls go to two clients of different types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = any
type Calls = (client: AnyClient) => Promise<unknown[]>

const settled = async (promise: Promise<unknown>) => {
  try {
    return { value: await promise }
  } catch (error) {
    return { error: (error as Error).message }
  }
}
const collect = async (iterator: AsyncIterable<string[]>) => {
  const keys: string[] = []
  for await (const batch of iterator) keys.push(...batch)
  return keys.sort()
}

const cases: Record<string, Calls> = {
  "connect-redis's set with expiration EX, get, expire and del([key])": async (c) => [
    await c.set('sess:a', '{"views":1}', { expiration: { type: 'EX', value: 60 } }),
    await c.get('sess:a'),
    await c.ttl('sess:a'),
    await c.expire('sess:a', 120),
    await c.ttl('sess:a'),
    await c.del(['sess:a']),
    await c.get('sess:a'),
  ],
  'the older EX and PX options, NX, XX and GET': async (c) => [
    await c.set('k', 'v', { EX: 30 }),
    await c.ttl('k'),
    await c.set('k', 'w', { PX: 20200, XX: true }),
    await c.pTTL('k').then((ms: number) => Math.round(ms / 1000)),
    await c.set('k', 'x', { NX: true }),
    await c.set('k', 'y', { condition: 'XX', GET: true }),
    await c.set('k', 'z', { expiration: 'KEEPTTL' }),
    await c.ttl('k'),
  ],
  'mGet, exists, del with one key and with many': async (c) => [
    await c.set('a', '1'),
    await c.set('b', '2'),
    await c.mGet(['a', 'nope', 'b']),
    await c.exists(['a', 'b', 'nope']),
    await c.exists('a'),
    await c.del('a'),
    await c.del(['a', 'b']),
  ],
  'scanIterator with MATCH and COUNT, as connect-redis walks its keys': async (c) => {
    for (let i = 0; i < 30; i++) await c.set(`sess:${i}`, String(i))
    await c.set('other', 'x')
    return [
      await collect(c.scanIterator({ MATCH: 'sess:*', COUNT: 4 })),
      await collect(c.scanIterator({ MATCH: 'nothing:*', COUNT: 100 })),
      (await c.keys('sess:1*')).sort(),
    ]
  },
  'expire with a mode, persist, pExpire': async (c) => [
    await c.set('k', 'v'),
    await c.expire('k', 50, 'XX'),
    await c.expire('k', 50, 'NX'),
    await c.expire('k', 20, 'GT'),
    await c.persist('k'),
    await c.pExpire('k', 30300),
    await c.ttl('k'),
  ],
  'hashes: hSet with pairs and with an object, hGet, hGetAll, hDel, type': async (c) => [
    await c.hSet('h', 'a', '1'),
    await c.hSet('h', { b: '2', c: 3 }),
    await c.hGet('h', 'c'),
    { ...(await c.hGetAll('h')) },
    { ...(await c.hGetAll('missing')) },
    await c.hDel('h', ['a', 'b']),
    await c.type('h'),
    await c.type('missing'),
  ],
  'counters: incr, decr, incrBy': async (c) => [
    await c.incr('n'),
    await c.incrBy('n', 10),
    await c.decr('n'),
    await c.get('n'),
  ],
  'errors reject with Redis’s message': async (c) => [
    await c.hSet('h', 'f', 'v'),
    await settled(c.get('h')),
    await settled(c.incr('h')),
    await c.set('s', 'text'),
    await settled(c.incr('s')),
    await settled(c.hGet('s', 'f')),
    await settled(c.set('s', 'v', { EX: 0 })),
    await settled(c.sendCommand(['GET'])),
  ],
  'ping, dbSize, flushDb': async (c) => [
    await c.ping(),
    await c.set('a', '1'),
    await c.dbSize(),
    await c.flushDb(),
    await c.dbSize(),
  ],
}

let server: RedisServerProcess
let real: AnyClient

beforeAll(async () => {
  server = await startRedisServer()
  // The default protocol (RESP3), as a lesson's `createClient()` gets it.
  real = createClient({ url: server.url() })
  await real.connect()
})

afterAll(async () => {
  real?.destroy()
  await server?.stop()
})

describe("the simulated client's methods give what node-redis gives on a real Redis", () => {
  for (const [name, calls] of Object.entries(cases)) {
    it(name, async () => {
      await real.flushDb()
      const [onReal, onSim] = await Promise.all([calls(real), calls(new SimulatedClient())])
      expect(onSim).toEqual(onReal)
    })
  }
})

describe('connect-redis behaves the same on both', () => {
  it('set, get, touch, ids, length, all, destroy and clear', async () => {
    await real.flushDb()
    const base = Date.now()
    const session = (views: number, maxAge: number) => ({
      cookie: { originalMaxAge: maxAge, expires: new Date(base + maxAge), path: '/' },
      views,
    })
    const run = async (client: AnyClient) => {
      // The project declares connect-redis loosely (vendor-packages.d.ts): its store API is used here.
      const Store = RedisStore as new (options: object) => AnyClient
      const store = new Store({ client, scanCount: 2 })
      await store.set('one', session(1, 60_000) as never)
      await store.set('two', session(2, 3_600_000) as never)
      await store.set('three', session(3, 5_000) as never)
      await store.set('gone', session(4, -1) as never)
      const results: unknown[] = [
        await store.get('one'),
        await store.get('gone'),
        await store.touch('three', session(3, 90_000) as never),
        await client.ttl('sess:three'),
        ((await store.ids()) as string[]).sort(),
        await store.length(),
        ((await store.all()) as Array<{ id: string }>).sort((a, b) => a.id.localeCompare(b.id)),
        await store.destroy('one'),
        await store.length(),
        await store.clear(),
        await store.length(),
      ]
      return JSON.parse(JSON.stringify(results)) as unknown
    }
    const [onReal, onSim] = await Promise.all([run(real), run(new SimulatedClient())])
    expect(onSim).toEqual(onReal)
  })
})
