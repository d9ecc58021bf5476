import { describe, expect, it } from 'vitest'
import createRealm from '../../../../build/realm/realm.js'
import { createSimServer } from '../api'
import { Engine } from '../engine'
import { createHostPlatform } from '../host-platform'
import { VirtualClock } from '../virtual-clock'
import { requiresRedis } from './requires-redis'
import { createSharedRedis } from './shared-redis'

const START = Date.UTC(2030, 0, 1)

const redisServer = `
const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')
const client = createClient()
client.connect()
const app = express()
app.use(session({ store: new RedisStore({ client }), secret: 's', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.listen(3000)
`

const memoryServer =
  "const express = require('express'); const session = require('express-session'); const app = express(); app.use(session({ secret: 's', resave: false, saveUninitialized: false })); app.listen(3000)"

describe('the lazy Redis server', () => {
  it('is asked for only by code that requires redis or connect-redis', () => {
    expect(requiresRedis("const { RedisStore } = require('connect-redis')")).toBe(true)
    expect(requiresRedis('const { createClient } = require("redis")')).toBe(true)
    expect(requiresRedis("const session = require('express-session') // redis later")).toBe(false)
    expect(requiresRedis("require('ioredis')")).toBe(false)
  })

  it('is an empty Redis to readers until it loads, and refuses commands with a clear error', async () => {
    const redis = createSharedRedis(() => START)
    expect(redis.loaded).toBe(false)
    expect(redis.get('sess:a')).toBeNull()
    expect(redis.keys('*')).toEqual([])
    expect(redis.ttl('sess:a')).toBe(-2)
    expect(redis.pttl('sess:a')).toBe(-2)
    expect(redis.del(['sess:a'])).toBe(0)
    expect(redis.expire('sess:a', 10)).toBe(false)
    redis.flushAll()
    expect(() => redis.command(['GET', 'a'])).toThrow(
      /Redis server is not running.*require\('redis'\)/,
    )
    expect(() => redis.set('a', '1')).toThrow(/Redis server is not running/)
    await redis.load()
    redis.set('sess:a', '{}', 10)
    expect(redis.get('sess:a')).toBe('{}')
    expect(redis.ttl('sess:a')).toBe(10)
  })

  it('is not loaded for a server that uses another store, and is for one that uses connect-redis', async () => {
    let loads = 0
    const redis = createSharedRedis(
      () => START,
      () => {
        loads++
        return import('./redis-chunk')
      },
    )
    const engine = new Engine({
      createRealm,
      platform: createHostPlatform(),
      clock: new VirtualClock({ startMs: START }),
      redis,
    })
    await engine.start(memoryServer)
    expect(engine.state).toBe('running')
    expect(loads).toBe(0)
    await engine.start(redisServer)
    expect(engine.state).toBe('running')
    await engine.restart()
    expect(loads).toBe(1)
    engine.stop('done')
  })

  it('fails the start with a clear error when it cannot be loaded', async () => {
    const redis = createSharedRedis(
      () => START,
      () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    )
    const engine = new Engine({ createRealm, platform: createHostPlatform(), redis })
    const result = await engine.start(redisServer)
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'Error',
        message:
          'The Redis server of the playground could not be loaded: Failed to fetch dynamically imported module',
      },
    })
    expect(engine.state).toBe('failed')
  })

  it('says why connect-redis is missing when code names it in a way the engine cannot see', async () => {
    const server = await createSimServer({
      source: "const name = ['connect', 'redis'].join('-'); require(name)",
    })
    expect(server.state).toBe('failed')
    expect(server.loadError?.message).toContain(
      "connect-redis comes with the playground's Redis server, which starts for a server whose code has require('connect-redis')",
    )
    server.close()
  })

  it('says why redis is missing when code names it in a way the engine cannot see', async () => {
    const server = await createSimServer({ source: "require(['re', 'dis'].join(''))" })
    expect(server.loadError?.message).toContain(
      "redis comes with the playground's Redis server, which starts for a server whose code has require('redis')",
    )
    server.close()
  })

  it('gives a client built on the realm’s own EventEmitter', async () => {
    const server = await createSimServer({
      source: `
const { createClient } = require('redis')
const { EventEmitter } = require('events')
const client = createClient()
const app = require('express')()
app.get('/', async (req, res) => {
  await client.connect()
  res.send(String(client instanceof EventEmitter) + ' ' + client.constructor.name)
})
app.listen(3000)
`,
    })
    const result = await server.request({ path: '/' })
    expect(result.ok && result.body).toBe('true SimulatedRedisClient')
    server.close()
  })

  it('keeps sessions across requests once loaded, through the Node API', async () => {
    const server = await createSimServer({ source: redisServer, startTime: START })
    const first = await server.request({ path: '/' })
    if (!first.ok || !first.setCookies[0]) throw new Error(JSON.stringify(first))
    const cookie = first.setCookies[0].split(';')[0] ?? ''
    const second = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(second.ok ? second.body : second.error.message).toBe('views: 2')
    server.close()
  })
})
