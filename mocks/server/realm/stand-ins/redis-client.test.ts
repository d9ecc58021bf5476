import { describe, expect, it } from 'vitest'
import { createSimServer, type SimRequestResult } from '../../host/api'

const START = Date.UTC(2030, 0, 1)
const redisServer = `
const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')

const redisClient = createClient()
redisClient.connect().catch(console.error)

const app = express()
app.use(session({
  store: new RedisStore({ client: redisClient }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 60 * 1000 },
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.listen(3000)
`

function cookieOf(result: SimRequestResult): string {
  if (!result.ok || !result.setCookies[0]) throw new Error('expected a Set-Cookie')
  return result.setCookies[0].split(';')[0] ?? ''
}

describe('connect-redis on the simulated Redis', () => {
  it('stores sessions as sess:<id> with a TTL from the cookie, and the store inspector reads them', async () => {
    const server = await createSimServer({ source: redisServer, startTime: START })
    const first = await server.request({ path: '/' })
    expect(first.ok && first.body).toBe('views: 1')
    const [store] = server.stores()
    expect(store?.kind).toBe('RedisStore')
    expect(Object.values(store?.entries() ?? {})).toEqual([
      {
        cookie: {
          originalMaxAge: 60000,
          expires: '2030-01-01T00:01:00.000Z',
          httpOnly: true,
          path: '/',
        },
        views: 1,
      },
    ])
  })

  it('keeps sessions across a server restart, unlike MemoryStore', async () => {
    const server = await createSimServer({ source: redisServer, startTime: START })
    const cookie = cookieOf(await server.request({ path: '/' }))
    await server.restart()
    const again = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(again.ok && again.body).toBe('views: 2')
  })

  it('lets Redis expire the key when the TTL passes on the virtual clock', async () => {
    const server = await createSimServer({ source: redisServer, startTime: START })
    const cookie = cookieOf(await server.request({ path: '/' }))
    server.advanceClock(61_000)
    expect(server.stores()[0]?.entries()).toEqual({})
    const again = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(again.ok && again.body).toBe('views: 1')
    expect(again.explanations.map((explanation) => explanation.code)).toContain(
      'session-not-in-store',
    )
  })
})
