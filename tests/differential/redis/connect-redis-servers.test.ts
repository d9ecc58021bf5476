/**
 * Express servers with connect-redis, end to end: on Node with the real `redis` client against
 * a real redis-server, and in the simulated runtime against the simulated Redis. Transcripts,
 * store calls and the sessions in Redis after each step must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDifferential } from '../support/run-differential'
import type { Scenario } from '../support/scenario'
import { storeCounterServer } from '../support/store-counter-server'
import { startRedisServer, type RedisServerProcess } from '../../support/redis-server'

const redisServer = (storeOptions: string, sessionOptions: string) =>
  storeCounterServer(
    `const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')
const redisClient = createClient()
redisClient.connect().catch(console.error)`,
    `new RedisStore({ client: redisClient${storeOptions} })`,
    sessionOptions,
  )

const scenarios: Scenario[] = [
  {
    name: 'sessions outlive a restart',
    source: redisServer('', 'cookie: { maxAge: 60000 },'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { restart: true },
      { browser: 'alice', path: '/', expect: { body: 'views 3' } },
      { browser: 'bob', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'Redis forgets a session when its TTL runs out',
    source: redisServer('', 'cookie: { maxAge: 60000 },'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 30_000 },
      { browser: 'alice', path: '/peek', expect: { body: 'views 1' } },
      { advance: 45_000 },
      // The cookie outlives the key only because the jar keeps it; the key is gone.
      { browser: 'alice', path: '/peek', useJar: true },
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'touch (rolling) renews the TTL',
    source: redisServer('', 'rolling: true, cookie: { maxAge: 60000 },'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 40_000 },
      { browser: 'alice', path: '/peek', expect: { body: 'views 1' } },
      { advance: 40_000 },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
    ],
  },
  {
    name: 'a fixed ttl without a cookie maxAge, and destroy',
    source: redisServer(', ttl: 120, prefix: "app:"', ''),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 100_000 },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { browser: 'bob', path: '/' },
      { browser: 'alice', path: '/logout', expect: { body: 'bye' } },
      { advance: 121_000 },
      { browser: 'bob', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'the store panel deletes, writes and clears Redis sessions',
    source: redisServer('', 'cookie: { maxAge: 60000 },'),
    steps: [
      { browser: 'alice', path: '/' },
      { browser: 'bob', path: '/' },
      { store: 'delete', sessionOf: 'alice' },
      { browser: 'alice', path: '/peek', expect: { body: 'views 0' } },
      {
        store: 'write',
        sessionOf: 'bob',
        data: (current) => ({ ...(current as object), views: 41 }),
      },
      { browser: 'bob', path: '/', expect: { body: 'views 42' } },
      { store: 'clear' },
      { browser: 'bob', path: '/peek', expect: { body: 'views 0' } },
    ],
  },
  {
    name: 'two instances behind a load balancer share one Redis',
    source: redisServer('', 'cookie: { maxAge: 60000 },'),
    instances: 2,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { browser: 'alice', path: '/', expect: { body: 'views 3' } },
    ],
  },
]

let redis: RedisServerProcess

beforeAll(async () => {
  redis = await startRedisServer(scenarios.length + 1)
})
afterAll(async () => {
  await redis?.stop()
})

describe('connect-redis servers: real Redis on Node, simulated Redis in the runtime', () => {
  scenarios.forEach((scenario, index) => {
    it(
      scenario.name,
      async () => {
        const result = await runDifferential({ ...scenario, redisUrl: redis.url(index + 1) })
        expect(result.unmetExpectations, 'the scenario does not show it on Node').toEqual([])
        if (result.differences) expect.fail(result.differences)
      },
      30_000,
    )
  })
})
