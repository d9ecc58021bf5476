/**
 * Express servers with connect-pg-simple, end to end: on Node with the real `pg` client against
 * Debian's PostgreSQL, and in the simulated runtime against PGlite. Transcripts (responses,
 * store calls, console output) and the session table after each step must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDifferential } from '../support/run-differential'
import type { Scenario } from '../support/scenario'
import { storeCounterServer } from '../support/store-counter-server'
import { startPostgresServer, type PostgresServerProcess } from '../../support/postgres-server'

/** Prune off: its timer runs on real time on Node and on virtual time here (see README). */
const pgServer = (storeOptions: string, sessionOptions = 'cookie: { maxAge: 60000 },') =>
  storeCounterServer(
    `const pgSession = require('connect-pg-simple')(session)
const { Pool } = require('pg')
const pool = new Pool({ connectionString: 'postgres://localhost/app' })`,
    `new pgSession({ pool, pruneSessionInterval: false${storeOptions} })`,
    sessionOptions,
  )

const scenarios: Scenario[] = [
  {
    name: 'createTableIfMissing creates the table; sessions outlive a restart',
    source: pgServer(', createTableIfMissing: true'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { restart: true },
      { browser: 'alice', path: '/', expect: { body: 'views 3' } },
      { browser: 'bob', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'without the table and createTableIfMissing, Postgres says the relation does not exist',
    source: pgServer(''),
    steps: [
      { browser: 'alice', path: '/' },
      { browser: 'alice', path: '/', expect: { status: 500, body: 'does not exist' } },
    ],
  },
  {
    name: 'an expired row is not read back, and stays until pruned',
    source: pgServer(', createTableIfMissing: true'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 30_000 },
      { browser: 'alice', path: '/peek', expect: { body: 'views 1' } },
      { advance: 45_000 },
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'touch with rolling renews the expiry; destroy deletes the row',
    source: pgServer(', createTableIfMissing: true', 'rolling: true, cookie: { maxAge: 60000 },'),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 40_000 },
      { browser: 'alice', path: '/peek', expect: { body: 'views 1' } },
      { advance: 40_000 },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { browser: 'alice', path: '/logout', expect: { body: 'bye' } },
    ],
  },
  {
    name: 'the store panel deletes and rewrites rows',
    source: pgServer(', createTableIfMissing: true'),
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
    ],
  },
  {
    name: 'a custom table name and ttl without a cookie maxAge',
    source: pgServer(', createTableIfMissing: true, tableName: "user_sessions", ttl: 120', ''),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { advance: 100_000 },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
    ],
  },
  {
    name: 'two instances behind a load balancer share one database',
    source: pgServer(', createTableIfMissing: true'),
    instances: 2,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { browser: 'alice', path: '/', expect: { body: 'views 3' } },
    ],
  },
]

let postgres: PostgresServerProcess

beforeAll(async () => {
  postgres = await startPostgresServer()
  for (let index = 0; index < scenarios.length; index++) {
    await postgres.createDatabase(`scenario_${index}`)
  }
}, 60_000)

afterAll(async () => {
  await postgres?.stop()
}, 30_000)

describe('connect-pg-simple servers: PostgreSQL on Node, PGlite in the runtime', () => {
  scenarios.forEach((scenario, index) => {
    it(
      scenario.name,
      async () => {
        const result = await runDifferential({
          ...scenario,
          databaseUrl: postgres.url(`scenario_${index}`),
        })
        expect(result.unmetExpectations, 'the scenario does not show it on Node').toEqual([])
        if (result.differences) expect.fail(result.differences)
      },
      60_000,
    )
  })
})
