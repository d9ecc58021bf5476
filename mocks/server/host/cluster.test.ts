import { describe, expect, it } from 'vitest'
import createRealm from '../../../build/realm/realm.js'
import { createInProcessTransport } from './in-process-transport'
import { createHostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'
import type { RequestResult } from './engine'

const counter = (store: string) => `
const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')
const app = express()
let store
if (${JSON.stringify(store)} === 'redis') {
  const client = createClient()
  client.connect()
  store = new RedisStore({ client })
}
app.use(session({ store, secret: 's', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send(String(req.session.views))
})
app.listen(3000)
`

function transport() {
  return createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: Date.UTC(2030, 0, 1) }),
  })
}

async function visit(server: ReturnType<typeof transport>, cookie?: string) {
  const result: RequestResult = await server.request({
    method: 'GET',
    url: '/',
    headers: cookie ? [['Cookie', cookie]] : [],
  })
  if (!result.outcome.ok) throw new Error(result.outcome.error.message)
  const body = new TextDecoder().decode(result.outcome.response.body)
  const setCookie = result.outcome.response.headers.find(([name]) => name === 'Set-Cookie')?.[1]
  return {
    body,
    instance: result.instance,
    requestId: result.requestId,
    cookie: setCookie?.split(';')[0] ?? cookie,
  }
}

describe('two instances behind a load balancer', () => {
  it('alternates requests, and each MemoryStore knows only its own sessions', async () => {
    const server = transport()
    await server.start(counter('memory'), 'server.js', { instances: 2 })
    const first = await visit(server)
    const second = await visit(server, first.cookie)
    const third = await visit(server, second.cookie)
    expect([first, second, third].map(({ instance, body }) => `${instance}:${body}`)).toEqual([
      '1:1',
      '2:1',
      '1:1',
    ])
    expect(new Set([first.requestId, second.requestId, third.requestId]).size).toBe(3)
    const stores = await server.readStores()
    expect(stores.map(({ storeId, instance }) => ({ storeId, instance }))).toEqual([
      { storeId: 101, instance: 1 },
      { storeId: 201, instance: 2 },
    ])
    server.dispose()
  })

  it('keeps one session across instances with a shared Redis store', async () => {
    const server = transport()
    await server.start(counter('redis'), 'server.js', { instances: 2 })
    const first = await visit(server)
    const second = await visit(server, first.cookie)
    const third = await visit(server, second.cookie)
    expect([first, second, third].map(({ instance, body }) => `${instance}:${body}`)).toEqual([
      '1:1',
      '2:2',
      '1:3',
    ])
    server.dispose()
  })

  it('goes back to one server, with plain ids, when started with one instance', async () => {
    const server = transport()
    await server.start(counter('memory'), 'server.js', { instances: 2 })
    await server.start(counter('memory'), 'server.js')
    const visitOne = await visit(server)
    expect(visitOne.instance).toBeUndefined()
    expect((await server.readStores()).map((store) => store.storeId)).toEqual([1])
    server.dispose()
  })
})

describe('the simulated Redis across starts', () => {
  it('keeps Redis across starts unless asked for a fresh one, and keys its sessions sess:<id>', async () => {
    const server = transport()
    await server.start(counter('redis'), 'server.js')
    const first = await visit(server)
    const [store] = await server.readStores()
    expect(store?.keyPrefix).toBe('sess:')
    expect(Object.keys(store?.entries ?? {})).toHaveLength(1)

    await server.start(counter('redis'), 'server.js')
    await expect(visit(server, first.cookie)).resolves.toMatchObject({ body: '2' })

    await server.start(counter('redis'), 'server.js', { freshRedis: true })
    expect((await server.readStores())[0]?.entries).toEqual({})
    await expect(visit(server, first.cookie)).resolves.toMatchObject({ body: '1' })
    server.dispose()
  })

  it('gives MemoryStore sessions no key prefix: their keys are the ids', async () => {
    const server = transport()
    await server.start(counter('memory'), 'server.js')
    expect((await server.readStores())[0]?.keyPrefix).toBeUndefined()
    server.dispose()
  })
})
