import { describe, expect, it } from 'vitest'
import createRealm from '../../../../build/realm/realm.js'
import { createSimServer, type SimRequestResult } from '../api'
import { Engine } from '../engine'
import { createHostPlatform } from '../host-platform'
import { VirtualClock } from '../virtual-clock'
import { createMongoService, requiresMongo } from './mongo'

const START = Date.UTC(2030, 0, 1)

const mongoServer = (storeOptions = '', routes = '') => `
const express = require('express')
const session = require('express-session')
const { MongoStore } = require('connect-mongo')
const app = express()
app.use(session({
  store: MongoStore.create({ mongoUrl: 'mongodb://localhost:27017/playground'${storeOptions} }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 30 * 1000 },
}))
${routes}
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.listen(3000)
`

function cookieOf(result: SimRequestResult): string {
  if (!result.ok || !result.setCookies[0])
    throw new Error(`expected a Set-Cookie: ${JSON.stringify(result)}`)
  return result.setCookies[0].split(';')[0] ?? ''
}

const bodyOf = (result: SimRequestResult) => (result.ok ? result.body : result.error.message)

describe('connect-mongo on the playground MongoDB (simulated)', () => {
  it('stores sessions as documents with an expires date, and keeps them across a restart', async () => {
    const server = await createSimServer({ source: mongoServer(), startTime: START })
    const first = await server.request({ path: '/' })
    expect(bodyOf(first)).toBe('views: 1')
    const cookie = cookieOf(first)
    const [store] = server.stores()
    expect(store?.kind).toBe('MongoStore')
    expect(Object.values(store?.entries() ?? {})).toEqual([
      {
        cookie: {
          originalMaxAge: 30_000,
          expires: '2030-01-01T00:00:30.000Z',
          httpOnly: true,
          path: '/',
        },
        views: 1,
      },
    ])
    await server.restart()
    const again = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(bodyOf(again)).toBe('views: 2')
  })

  it("keeps an expired document until the TTL monitor's next pass, though connect-mongo no longer reads it", async () => {
    const server = await createSimServer({ source: mongoServer(), startTime: START })
    const cookie = cookieOf(await server.request({ path: '/' }))
    const ids = () => Object.keys(server.stores()[0]?.entries() ?? {})
    const [first] = ids()
    // 31 s: expired at 30 s, but the monitor first passes at 60 s.
    server.advanceClock(31_000)
    expect(ids()).toEqual([first])
    const fresh = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(bodyOf(fresh)).toBe('views: 1')
    expect(ids()).toHaveLength(2)
    expect(ids()).toContain(first)
    // 60 s: the monitor removes what expired before it ran; the new session (61 s) stays.
    server.advanceClock(29_000)
    expect(ids()).toHaveLength(1)
    expect(ids()).not.toContain(first)
  })

  it('stops a start with a bad connection string at the driver’s parse error, as Node does', async () => {
    const server = await createSimServer({
      source: mongoServer().replace(
        "mongoUrl: 'mongodb://localhost:27017/playground'",
        "mongoUrl: 'localhost:27017/playground'",
      ),
      startTime: START,
    })
    expect(server.loadError).toMatchObject({
      name: 'MongoParseError',
      message:
        'Invalid scheme, expected connection string to start with "mongodb://" or "mongodb+srv://"',
    })
    const result = await server.request({ path: '/' })
    expect(!result.ok && result.error.code).toBe('SERVER_NOT_RUNNING')
    // Fixed and run again, the same playground serves it.
    expect(await server.restart(mongoServer())).toEqual({ ok: true })
    expect(bodyOf(await server.request({ path: '/' }))).toBe('views: 1')
  })

  it("answers a query error with the server's message, and keeps running", async () => {
    const server = await createSimServer({
      source: mongoServer(
        '',
        `const { MongoClient } = require('mongodb')
const users = new MongoClient('mongodb://localhost/playground').db().collection('users')
app.get('/add', async (req, res, next) => {
  try {
    await users.insertOne({ _id: 'alice' })
    res.send('added')
  } catch (error) { next(error) }
})
app.get('/bad-filter', async (req, res, next) => {
  try { res.send(String(await users.countDocuments({ $where2: 1 }))) } catch (error) { next(error) }
})`,
      ),
      startTime: START,
    })
    expect(bodyOf(await server.request({ path: '/add' }))).toBe('added')
    const duplicate = await server.request({ path: '/add' })
    expect(duplicate.ok && duplicate.status).toBe(500)
    expect(bodyOf(duplicate)).toContain(
      'MongoServerError: E11000 duplicate key error collection: playground.users index: _id_ dup key: { _id: &quot;alice&quot; }',
    )
    const badFilter = await server.request({ path: '/bad-filter' })
    expect(bodyOf(badFilter)).toContain('MongoServerError: unknown top level operator: $where2')
    expect(bodyOf(await server.request({ path: '/' }))).toBe('views: 1')
  })

  it('skips sessions while the store is disconnected, says why, and serves them again on reconnect', async () => {
    const server = await createSimServer({ source: mongoServer(), startTime: START })
    const cookie = cookieOf(await server.request({ path: '/' }))
    server.stores()[0]?.disconnect()
    const skipped = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(skipped.ok && skipped.status).toBe(500)
    expect(skipped.explanations.map(({ code }) => code)).toContain('session-store-disconnected')
    server.stores()[0]?.connect()
    expect(bodyOf(await server.request({ path: '/', headers: [['Cookie', cookie]] }))).toBe(
      'views: 2',
    )
  })

  it("says that connect-mongo's crypto option is not part of the playground", async () => {
    const server = await createSimServer({
      source: mongoServer(", crypto: { secret: 'squirrel' }"),
      startTime: START,
    })
    expect(server.loadError?.message).toContain(
      "connect-mongo's `crypto` option encrypts sessions with kruptein, which the playground does not include",
    )
  })

  it('reports each operation a store sent, as the mongo shell spells it', async () => {
    const queries: string[] = []
    const server = await createSimServer({
      source: mongoServer(),
      startTime: START,
      onEvent: (event) => {
        if (event.kind === 'store-query') queries.push(event.sql)
      },
    })
    const cookie = cookieOf(await server.request({ path: '/' }))
    const id = decodeURIComponent(cookie).slice('connect.sid=s:'.length).split('.')[0] ?? ''
    expect(queries[0]).toBe('sessions.createIndex({ expires: 1 }, { expireAfterSeconds: 0 })')
    expect(queries[1]).toMatch(
      new RegExp(
        `^sessions\\.updateOne\\(\\{ _id: "${id}" \\}, \\{ \\$set: .*expires: ISODate\\("2030-01-01T00:00:30.000Z"\\) \\} \\}, \\{ upsert: true \\}\\)$`,
      ),
    )
    await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(queries[2]).toBe(
      `sessions.findOne({ _id: "${id}", $or: [{ expires: { $exists: false } }, { expires: { $gt: ISODate("2030-01-01T00:00:00.000Z") } }] })`,
    )
  })
})

describe('the lazy MongoDB chunk', () => {
  it('is asked for only by code that requires mongodb or connect-mongo', () => {
    expect(requiresMongo("const { MongoStore } = require('connect-mongo')")).toBe(true)
    expect(requiresMongo('const { MongoClient } = require("mongodb")')).toBe(true)
    expect(requiresMongo("const session = require('express-session') // mongodb later")).toBe(false)
  })

  it('is not loaded for a server that uses another store, and is for one that uses connect-mongo', async () => {
    let loads = 0
    const mongo = createMongoService(
      () => START,
      () => {
        loads++
        return import('./mongo-chunk')
      },
    )
    const engine = new Engine({
      createRealm,
      platform: createHostPlatform(),
      clock: new VirtualClock({ startMs: START }),
      mongo,
    })
    await engine.start(
      "const express = require('express'); const session = require('express-session'); const app = express(); app.use(session({ secret: 's', resave: false, saveUninitialized: false })); app.listen(3000)",
    )
    expect(engine.state).toBe('running')
    expect(loads).toBe(0)
    expect(mongo.loaded).toBe(false)
    await engine.start(mongoServer())
    expect(engine.state).toBe('running')
    expect(loads).toBe(1)
    engine.stop('done')
  })
})

describe('the store inspector on a MongoStore', () => {
  it('shows each document’s expires field beside the session, and edits documents by _id', async () => {
    const server = await createSimServer({ source: mongoServer(), startTime: START })
    const cookie = cookieOf(await server.request({ path: '/' }))
    const [store] = server.stores()
    const [id] = Object.keys(store?.entries() ?? {})
    if (!store || id === undefined) throw new Error('no stored session')
    store.write(id, { ...(store.entries()?.[id] as object), views: 41 })
    expect(bodyOf(await server.request({ path: '/', headers: [['Cookie', cookie]] }))).toBe(
      'views: 42',
    )
    store.delete(id)
    expect(store.entries()).toEqual({})
  })
})
