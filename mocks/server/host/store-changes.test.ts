import { describe, expect, it } from 'vitest'
import createRealm from '../../../build/realm/realm.js'
import { createHostPlatform } from './host-platform'
import { createInProcessTransport } from './in-process-transport'
import type { StoreHandle } from '../realm/realm-types'
import { createStoreChangeTracker } from './store-commands'
import { VirtualClock } from './virtual-clock'
import { WorkerServerClient, type WorkerLike } from './worker-client'
import type { PageToWorker, WorkerToPage } from './worker-protocol'

/** A store handle over a plain object, as the realm's MemoryStore inspector reads one. */
function fakeStore(storeId: number, kind = 'MemoryStore', opaque = false) {
  const sessions: Record<string, unknown> = {}
  const handle: StoreHandle = {
    storeId,
    kind,
    entries: () => (opaque ? undefined : structuredClone(sessions)),
    entryTexts: () =>
      opaque
        ? undefined
        : new Map(Object.entries(sessions).map(([id, data]) => [id, JSON.stringify(data)])),
    parseEntry: (text) => JSON.parse(text) as unknown,
    keyPrefix: undefined,
    entryFields: () => undefined,
    emitStatus: () => {},
    clear: () => {},
    remove: () => {},
    write: () => {},
  }
  return { sessions, handle }
}

describe('createStoreChangeTracker', () => {
  it('sends a store whole the first time, then only what changed', () => {
    const tracker = createStoreChangeTracker()
    const store = fakeStore(1)
    store.sessions.a = { views: 1 }
    store.sessions.b = { views: 1 }

    expect(tracker.read([store.handle])).toEqual([
      {
        storeId: 1,
        kind: 'MemoryStore',
        entries: { a: { views: 1 }, b: { views: 1 } },
        removed: [],
        complete: true,
      },
    ])

    store.sessions.b = { views: 2 }
    store.sessions.c = { views: 1 }
    delete store.sessions.a
    expect(tracker.read([store.handle])).toEqual([
      {
        storeId: 1,
        kind: 'MemoryStore',
        entries: { b: { views: 2 }, c: { views: 1 } },
        removed: ['a'],
        complete: false,
      },
    ])
    expect(tracker.read([store.handle])[0]).toMatchObject({ entries: {}, removed: [] })
  })

  it('starts over for a store whose kind changed, and forgets stores that are gone', () => {
    const tracker = createStoreChangeTracker()
    const memory = fakeStore(1)
    memory.sessions.a = { views: 1 }
    tracker.read([memory.handle])

    const redis = fakeStore(1, 'RedisStore')
    redis.sessions.r = { user: 'alice' }
    expect(tracker.read([redis.handle])).toEqual([
      expect.objectContaining({ entries: { r: { user: 'alice' } }, removed: [], complete: true }),
    ])

    expect(tracker.read([])).toEqual([])
    expect(tracker.read([redis.handle])[0]).toMatchObject({ complete: true })
  })

  it('says nothing of the contents of a store it cannot read', () => {
    const tracker = createStoreChangeTracker()
    const store = fakeStore(3, 'CustomStore', true)
    expect(tracker.read([store.handle])).toEqual([
      { storeId: 3, kind: 'CustomStore', entries: undefined, removed: [], complete: true },
    ])
  })

  it('names the instance of a store in a cluster', () => {
    const tracker = createStoreChangeTracker()
    const hosted = { ...fakeStore(201).handle, instance: 2 }
    expect(tracker.read([hosted])[0]).toMatchObject({ storeId: 201, instance: 2 })
  })
})

describe('readStoreChanges on the in-process transport', () => {
  const source = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`

  it('reports each new visitor once, and a restart as every session removed', async () => {
    const server = createInProcessTransport({
      createRealm,
      platform: createHostPlatform(),
      clock: new VirtualClock({ startMs: Date.UTC(2026, 0, 1) }),
    })
    await server.start(source)
    expect(await server.readStoreChanges()).toEqual([
      expect.objectContaining({ storeId: 1, entries: {}, complete: true }),
    ])

    for (let visitor = 0; visitor < 3; visitor++)
      await server.request({ method: 'GET', url: '/', headers: [] })
    const [afterThree] = await server.readStoreChanges()
    expect(Object.keys(afterThree?.entries ?? {})).toHaveLength(3)
    expect(afterThree).toMatchObject({ removed: [], complete: false })

    await server.request({ method: 'GET', url: '/', headers: [] })
    const [afterFour] = await server.readStoreChanges()
    expect(Object.values(afterFour?.entries ?? {})).toEqual([expect.objectContaining({ views: 1 })])

    await server.restart()
    const [afterRestart] = await server.readStoreChanges()
    expect(afterRestart).toMatchObject({ entries: {}, complete: false })
    expect(afterRestart?.removed).toHaveLength(4)
    server.dispose()
  })
})

describe('readStoreChanges through the server worker', () => {
  it('asks the worker for the changes and hands back its answer', async () => {
    const answer = [{ storeId: 1, kind: 'MemoryStore', entries: {}, removed: [], complete: true }]
    const asked: string[] = []
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: PageToWorker) {
        if (message.type !== 'call') return
        asked.push(message.call.method)
        const reply: WorkerToPage = {
          type: 'result',
          callId: message.callId,
          value: answer,
          events: [],
        }
        queueMicrotask(() => worker.onmessage?.({ data: reply }))
      },
      terminate() {},
    }
    const client = new WorkerServerClient({ createWorker: () => worker })
    expect(await client.readStoreChanges()).toEqual(answer)
    expect(asked).toEqual(['readStoreChanges'])
    client.dispose()
  })
})
