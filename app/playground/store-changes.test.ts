// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import createRealm from '../../build/realm/realm.js'
import {
  createHostPlatform,
  createInProcessTransport,
  type ServerTransport,
  type StoreChange,
  type StoreView,
  VirtualClock,
} from '../../mocks/server'
import { toSimExchange } from '../../mocks/client'
import { playgroundStore } from '../state/store'
import { applyStoreChanges } from './apply-store-changes'
import { Playground } from './playground'

const initialState = playgroundStore.getState()
let playground: Playground | undefined

afterEach(() => {
  playground?.dispose()
  playground = undefined
  playgroundStore.setState(initialState, true)
})

function change(partial: Partial<StoreChange> & Pick<StoreChange, 'entries'>): StoreChange {
  return { storeId: 1, kind: 'MemoryStore', removed: [], complete: false, ...partial }
}

describe('applyStoreChanges', () => {
  const alice = { cookie: {}, user: 'alice' }
  const bob = { cookie: {}, user: 'bob' }
  const previous: StoreView[] = [
    { storeId: 1, kind: 'MemoryStore', entries: new Map([['a', alice]]) },
  ]

  it('adds, changes and removes entries, keeping the objects of the others', () => {
    const before: StoreView[] = [
      {
        storeId: 1,
        kind: 'MemoryStore',
        entries: new Map(Object.entries({ a: alice, b: bob, c: { cookie: {} } })),
      },
    ]
    const { stores, diff } = applyStoreChanges(before, [
      change({ entries: { b: { ...bob, views: 2 }, d: { cookie: {} } }, removed: ['c'] }),
    ])
    expect(stores[0]?.entries).toEqual(
      new Map(Object.entries({ a: alice, b: { ...bob, views: 2 }, d: { cookie: {} } })),
    )
    expect(stores[0]?.entries?.get('a')).toBe(alice)
    expect(diff).toEqual({ added: ['d'], changed: ['b'], removed: ['c'] })
  })

  it('keeps the very same stores when nothing changed', () => {
    const { stores, diff } = applyStoreChanges(previous, [change({ entries: {} })])
    expect(stores).toBe(previous)
    expect(diff).toEqual({ added: [], changed: [], removed: [] })
  })

  it('compares a complete picture with what the page had', () => {
    const { stores, diff } = applyStoreChanges(previous, [
      change({ entries: { a: { ...alice }, b: bob }, complete: true }),
    ])
    expect(stores[0]?.entries).toEqual(new Map(Object.entries({ a: alice, b: bob })))
    expect(diff).toEqual({ added: ['b'], changed: [], removed: [] })

    expect(applyStoreChanges(previous, [change({ entries: {}, complete: true })]).diff).toEqual({
      added: [],
      changed: [],
      removed: ['a'],
    })
  })

  it('counts the sessions of a store that is gone, or no longer readable, as removed', () => {
    const gone = applyStoreChanges(previous, [change({ storeId: 2, entries: {}, complete: true })])
    expect(gone.stores.map((store) => store.storeId)).toEqual([2])
    expect(gone.diff.removed).toEqual(['a'])

    const opaque = applyStoreChanges(previous, [
      change({ kind: 'CustomStore', entries: undefined, complete: true }),
    ])
    expect(opaque.stores).toEqual([{ storeId: 1, kind: 'CustomStore', entries: undefined }])
    expect(opaque.diff.removed).toEqual(['a'])
  })

  it('names the instance of a store in a cluster', () => {
    const { stores } = applyStoreChanges(
      [],
      [change({ storeId: 101, instance: 1, entries: { a: alice }, complete: true })],
    )
    expect(stores).toEqual([
      { storeId: 101, instance: 1, kind: 'MemoryStore', entries: new Map([['a', alice]]) },
    ])
  })
})

/** A transport whose store reads wait until the test lets them answer. */
function deferredReads(server: ServerTransport) {
  const waiting: Array<() => void> = []
  let reads = 0
  const transport: ServerTransport = {
    ...server,
    readStoreChanges: async () => {
      reads++
      await new Promise<void>((resolve) => waiting.push(resolve))
      return server.readStoreChanges()
    },
  }
  return {
    transport,
    reads: () => reads,
    answerNext: async () => {
      waiting.shift()?.()
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
  }
}

const COUNTER = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`

function inProcessServer() {
  return createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: Date.now() }),
  })
}

describe('Playground.refreshStores', () => {
  it('reads once more after the read in flight, for every request that ended meanwhile', async () => {
    const server = inProcessServer()
    await server.start(COUNTER)
    const reads = deferredReads(server)
    const app = new Playground({
      server: reads.transport,
      send: async (request) => toSimExchange(await server.request(request)),
      store: playgroundStore,
    })
    playground = app

    const first = app.refreshStores(1)
    await server.request({ method: 'GET', url: '/', headers: [] })
    const second = app.refreshStores(2)
    await server.request({ method: 'GET', url: '/', headers: [] })
    const third = app.refreshStores(3)
    expect(third).toBe(second)
    expect(reads.reads()).toBe(1)

    await reads.answerNext()
    await first
    // The next read waits a moment after the last: bursts cost a few reads a second.
    expect(reads.reads()).toBe(1)
    await vi.waitFor(() => expect(reads.reads()).toBe(2))
    await reads.answerNext()
    await second

    const state = playgroundStore.getState()
    expect([...(state.stores[0]?.entries?.keys() ?? [])]).toHaveLength(2)
    // The first read already saw both sessions; the one after it found nothing new.
    expect(state.storeDiffs.map((diff) => [diff.requestId, diff.added.length])).toEqual([
      [1, 2],
      [3, 0],
    ])
    server.dispose()
  })

  it('keeps the store panel whole through a burst of new visitors', async () => {
    const server = inProcessServer()
    const app = new Playground({
      server,
      send: async (request) => toSimExchange(await server.request(request)),
      store: playgroundStore,
    })
    playground = app
    await app.startServer(COUNTER)

    const visits = Array.from({ length: 40 }, () =>
      server.request({ method: 'GET', url: '/', headers: [] }),
    )
    await Promise.all(visits)
    await app.refreshStores()

    const state = playgroundStore.getState()
    const ids = [...(state.stores[0]?.entries?.keys() ?? [])]
    expect(ids).toHaveLength(40)
    expect(state.storeDiffs.flatMap((diff) => diff.added).sort()).toEqual([...ids].sort())
    server.dispose()
  })
})
