/**
 * The real connect-mongo on the simulated driver, outside the browser, through the cases of
 * connect-mongo's own test suite (its MongoStore spec: empty store, the basic flow, events,
 * stringify, TTLs, serializers, touch and touchAfter) and the behaviour its README documents
 * (autoRemove modes, timestamps). No mongod can run here: this is how the driver is held to what
 * connect-mongo expects of a real one. The crypto cases do not apply: the playground leaves
 * encryption out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { simulatedMongo } from '../../../../tests/support/simulated-mongodb.mjs'

const START = Date.UTC(2030, 0, 1)

interface StoreLike {
  get(sid: string, callback: (error: unknown, session?: unknown) => void): void
  set(sid: string, session: unknown, callback: (error?: unknown) => void): void
  touch(sid: string, session: unknown, callback: (error?: unknown) => void): void
  destroy(sid: string, callback: (error?: unknown) => void): void
  all(callback: (error: unknown, sessions?: unknown[]) => void): void
  length(callback: (error: unknown, length?: number) => void): void
  clear(callback: (error?: unknown) => void): void
  close(): Promise<void>
  on(event: string, listener: (...args: unknown[]) => void): void
  collectionP: Promise<{
    findOne(filter: unknown): Promise<Record<string, unknown> | null>
    indexes(): Promise<Array<{ name: string; expireAfterSeconds?: number }>>
  }>
}

/** A session as express-session hands it to a store: a cookie with an expiry, and data. */
const sessionWithCookie = () => ({
  foo: 'bar',
  baz: { cow: 'moo', chicken: 'cluck' },
  num: 1,
  cookie: {
    originalMaxAge: 60_000,
    expires: new Date(Date.now() + 60_000),
    secure: false,
    httpOnly: true,
    path: '/',
    toJSON() {
      return {
        originalMaxAge: this.originalMaxAge,
        expires: this.expires,
        secure: this.secure,
        httpOnly: this.httpOnly,
        path: this.path,
      }
    },
  },
})
const sessionWithoutCookie = () => ({ foo: 'bar', baz: { cow: 'moo' }, num: 1 })

function storeWith(options: Record<string, unknown> = {}) {
  const mongo = simulatedMongo()
  const { MongoStore } = mongo.connectMongo() as {
    MongoStore: { create(options: object): StoreLike }
  }
  const store = MongoStore.create({
    mongoUrl: 'mongodb://localhost:27017/connect-mongo-test',
    ...options,
  })
  const call =
    <T>(method: (callback: (error: unknown, value?: T) => void) => void) =>
    () =>
      new Promise<T | undefined>((resolve, reject) =>
        method((error, value) => (error ? reject(error as Error) : resolve(value))),
      )
  return {
    mongo,
    store,
    get: (sid: string) => call<unknown>((done) => store.get(sid, done))(),
    set: (sid: string, session: unknown) =>
      call<void>((done) => store.set(sid, session, done as (error?: unknown) => void))(),
    touch: (sid: string, session: unknown) =>
      call<void>((done) => store.touch(sid, session, done as (error?: unknown) => void))(),
    destroy: (sid: string) =>
      call<void>((done) => store.destroy(sid, done as (error?: unknown) => void))(),
    all: call<unknown[]>((done) => store.all(done)),
    length: call<number>((done) => store.length(done)),
    clear: call<void>((done) => store.clear(done as (error?: unknown) => void)),
    document: async (sid: string) => (await store.collectionP).findOne({ _id: sid }),
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe("connect-mongo's own cases, on the simulated driver", () => {
  it('an empty store has length 0, no session under an unknown id, and no sessions at all', async () => {
    const store = storeWith()
    expect(await store.length()).toBe(0)
    expect(await store.get('fake-sid')).toBeNull()
    expect(await store.all()).toEqual([])
  })

  it('stores, reads, lists, counts and destroys a session', async () => {
    const store = storeWith()
    const session = sessionWithCookie()
    expect(await store.set('basic', session)).toBeUndefined()
    const asStored = JSON.parse(JSON.stringify(session)) as unknown
    expect(await store.get('basic')).toEqual(asStored)
    expect(await store.all()).toEqual([asStored])
    expect(await store.length()).toBe(1)
    await store.destroy('basic')
    expect(await store.length()).toBe(0)
  })

  it('emits create on the first set, update on the next, set on both, destroy on destroy', async () => {
    const { store, set, destroy } = storeWith()
    const events: string[] = []
    for (const name of ['create', 'update', 'set', 'destroy'])
      store.on(name, (sid) => events.push(`${name} ${String(sid)}`))
    await set('evented', sessionWithCookie())
    await set('evented', { ...sessionWithCookie(), foo: 'new-bar' })
    await destroy('evented')
    expect(events).toEqual([
      'create evented',
      'set evented',
      'update evented',
      'set evented',
      'destroy evented',
    ])
  })

  it('with stringify: false, stores the session as a document: the expiry comes back a Date', async () => {
    const store = storeWith({ stringify: false })
    const session = sessionWithCookie()
    await store.set('no-stringify', session)
    const read = (await store.get('no-stringify')) as { cookie: { expires: Date; secure: boolean } }
    expect(read.cookie.expires).toBeInstanceOf(Date)
    expect(read.cookie.expires.toJSON()).toBe(session.cookie.expires.toJSON())
    expect(read.cookie.secure).toBe(false)
    await store.clear()
    expect(await store.length()).toBe(0)
  })

  it('gives a session without a cookie expiry the ttl option, 14 days by default', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date'] })
    const custom = storeWith({ ttl: 10 })
    await custom.set('ttl-10', sessionWithoutCookie())
    expect((await custom.document('ttl-10'))?.expires).toEqual(new Date(START + 10_000))
    const byDefault = storeWith()
    await byDefault.set('ttl-default', sessionWithoutCookie())
    expect((await byDefault.document('ttl-default'))?.expires).toEqual(
      new Date(START + 14 * 24 * 3600 * 1000),
    )
  })

  it('uses a custom serializer and unserializer', async () => {
    const serialized = storeWith({
      serialize: (session: Record<string, unknown>) =>
        JSON.stringify({ ...session, ice: 'serializer' }),
    })
    await serialized.set('custom-serialize', sessionWithCookie())
    const read = await serialized.get('custom-serialize')
    expect(typeof read).toBe('string')
    expect(JSON.parse(read as string)).toMatchObject({ foo: 'bar', ice: 'serializer' })

    const unserialized = storeWith({
      unserialize: (session: Record<string, unknown>) => ({ ...session, ice: 'unserializer' }),
    })
    await unserialized.set('custom-unserialize', sessionWithCookie())
    expect(await unserialized.get('custom-unserialize')).toMatchObject({
      foo: 'bar',
      ice: 'unserializer',
    })
  })

  it('touch moves the expiry forward', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date'] })
    const store = storeWith()
    await store.set('touched', sessionWithoutCookie())
    const before = (await store.document('touched'))?.expires as Date
    vi.setSystemTime(START + 500)
    await store.touch('touched', sessionWithoutCookie())
    const after = (await store.document('touched'))?.expires as Date
    expect(after.getTime()).toBe(before.getTime() + 500)
  })

  it('with touchAfter, a touch inside the period writes nothing; after it, lastModified moves', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date'] })
    const store = storeWith({ touchAfter: 1 })
    await store.set('lazy', sessionWithoutCookie())
    const stored = (await store.document('lazy')) as { lastModified: Date }
    expect(stored.lastModified).toEqual(new Date(START))
    await store.touch('lazy', stored)
    expect((await store.document('lazy'))?.lastModified).toEqual(new Date(START))
    vi.setSystemTime(START + 1200)
    await store.touch('lazy', stored)
    expect((await store.document('lazy'))?.lastModified).toEqual(new Date(START + 1200))
    expect(await storeWith({ touchAfter: 10 }).get('never-stored')).toBeNull()
  })

  it('touching a session that is not stored is an error', async () => {
    const store = storeWith()
    await expect(store.touch('missing', sessionWithCookie())).rejects.toThrow(
      'Unable to find the session to touch',
    )
  })
})

describe('what connect-mongo documents, on the simulated driver', () => {
  it("autoRemove 'native' (the default) creates a TTL index on expires", async () => {
    const { store } = storeWith()
    const indexes = await (await store.collectionP).indexes()
    expect(indexes.map(({ name, expireAfterSeconds }) => ({ name, expireAfterSeconds }))).toEqual([
      { name: '_id_', expireAfterSeconds: undefined },
      { name: 'expires_1', expireAfterSeconds: 0 },
    ])
  })

  it("autoRemove 'disabled' leaves expired sessions stored, though reads skip them", async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date'] })
    const store = storeWith({ autoRemove: 'disabled' })
    await store.set('old', sessionWithCookie())
    vi.setSystemTime(START + 10 * 60_000)
    expect(await store.get('old')).toBeNull()
    expect(await store.all()).toEqual([])
    expect(await store.length()).toBe(1)
    const indexes = await (await store.store.collectionP).indexes()
    expect(indexes.map((index) => index.name)).toEqual(['_id_'])
  })

  it('timestamps adds createdAt once and updatedAt on every write', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date'] })
    const store = storeWith({ timestamps: true })
    await store.set('stamped', sessionWithCookie())
    vi.setSystemTime(START + 5000)
    await store.set('stamped', sessionWithCookie())
    const document = await store.document('stamped')
    expect(document?.createdAt).toEqual(new Date(START))
    expect(document?.updatedAt).toEqual(new Date(START + 5000))
  })

  it('collectionName and dbName choose where the documents go', async () => {
    const store = storeWith({ collectionName: 'web_sessions', dbName: 'app' })
    await store.set('placed', sessionWithCookie())
    expect(store.mongo.server.collectionNames('app')).toEqual(['web_sessions'])
    expect(store.mongo.server.documents('app', 'web_sessions').map((doc) => doc._id)).toEqual([
      'placed',
    ])
  })
})
