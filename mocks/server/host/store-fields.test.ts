import { describe, expect, it } from 'vitest'
import createRealm from '../../../build/realm/realm.js'
import { createInProcessTransport } from './in-process-transport'
import { createHostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'

const START = Date.UTC(2030, 0, 1)

const server = (store: string) => `
const express = require('express')
const session = require('express-session')
${store}
const app = express()
app.use(session({ store, secret: 's', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }))
app.get('/', (req, res) => {
  req.session.views = 1
  res.send('ok')
})
app.listen(3000)
`

const STORES = {
  MemoryStore: 'const store = new session.MemoryStore()',
  RedisStore: `const { RedisStore } = require('connect-redis')
const client = require('redis').createClient()
client.connect()
const store = new RedisStore({ client })`,
  PGStore: `const store = new (require('connect-pg-simple')(session))({ createTableIfMissing: true })`,
  MongoStore: `const store = require('connect-mongo').MongoStore.create({ mongoUrl: 'mongodb://localhost/app' })`,
}

/** What the store panel reads beside each session, for one store of each kind after one visit. */
async function fieldsOf(store: string) {
  const transport = createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: START }),
  })
  try {
    await transport.start(server(store))
    const result = await transport.request({ method: 'GET', url: '/', headers: [] })
    if (!result.outcome.ok) throw new Error(result.outcome.error.message)
    const [snapshot] = await transport.readStores()
    return Object.values(snapshot?.fields ?? {})
  } finally {
    transport.dispose()
  }
}

describe('what the store panel shows beside each session', () => {
  it('MemoryStore keeps nothing beside the session', async () => {
    expect(await fieldsOf(STORES.MemoryStore)).toEqual([])
  })

  it("Redis: the key's TTL", async () => {
    expect(await fieldsOf(STORES.RedisStore)).toEqual([{ TTL: '60 s' }])
  })

  it("Postgres: the row's expire column", async () => {
    expect(await fieldsOf(STORES.PGStore)).toEqual([{ expire: '2030-01-01 00:01:00' }])
  }, 60_000)

  it("MongoDB: the document's expires field", async () => {
    expect(await fieldsOf(STORES.MongoStore)).toEqual([{ expires: '2030-01-01T00:01:00.000Z' }])
  })
})
