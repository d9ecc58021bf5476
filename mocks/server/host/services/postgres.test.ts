import { describe, expect, it } from 'vitest'
import { createSimServer, type SimRequestResult } from '../api'

const START = Date.UTC(2030, 0, 1)

const pgServer = (storeOptions: string) => `
const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const { Pool } = require('pg')
const pool = new Pool({ connectionString: 'postgres://localhost/playground' })
const app = express()
app.use(session({
  store: new pgSession({ pool${storeOptions} }),
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
  if (!result.ok || !result.setCookies[0])
    throw new Error(`expected a Set-Cookie: ${JSON.stringify(result)}`)
  return result.setCookies[0].split(';')[0] ?? ''
}

describe('connect-pg-simple on the playground Postgres (PGlite)', () => {
  it('creates its table from table.sql, stores sessions, and keeps them across a restart', async () => {
    const server = await createSimServer({
      source: pgServer(', createTableIfMissing: true'),
      startTime: START,
    })
    const first = await server.request({ path: '/' })
    expect(first.ok && first.body).toBe('views: 1')
    const cookie = cookieOf(first)
    const [store] = server.stores()
    expect(store?.kind).toBe('PGStore')
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
    await server.restart()
    const again = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(again.ok && again.body).toBe('views: 2')
  }, 60_000)

  it("answers with Postgres's own error when the table is missing and createTableIfMissing is off", async () => {
    const server = await createSimServer({ source: pgServer(''), startTime: START })
    // The new session's save fails after the response is on its way, as on Node.
    const cookie = cookieOf(await server.request({ path: '/' }))
    const result = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(result.ok && result.status).toBe(500)
    expect(result.ok && result.body).toContain('relation &quot;session&quot; does not exist')
    // The server keeps running: the next request gets the same clear answer.
    const again = await server.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(again.ok && again.status).toBe(500)
  }, 60_000)

  it('prunes expired rows on its interval of virtual time; until then they linger', async () => {
    const server = await createSimServer({
      source: pgServer(
        ', createTableIfMissing: true, pruneSessionInterval: 120, pruneSessionRandomizedInterval: false',
      ),
      startTime: START,
    })
    await server.request({ path: '/' })
    const expiries = () =>
      Object.values(server.stores()[0]?.entries() ?? {})
        .map((entry) => (entry as { cookie: { expires: string } }).cookie.expires)
        .sort()
    expect(expiries()).toEqual(['2030-01-01T00:01:00.000Z'])
    // Expired at 60 s, the row lingers: the first prune is due at 120 s.
    server.advanceClock(90_000)
    await server.request({ path: '/' })
    expect(expiries()).toEqual(['2030-01-01T00:01:00.000Z', '2030-01-01T00:02:30.000Z'])
    // Past 120 s the prune runs and deletes what expired before the time it runs (130 s).
    server.advanceClock(40_000)
    // A request queues its statements behind the prune's DELETE: its answer means it ran.
    await server.request({ path: '/' })
    expect(expiries()).toEqual(['2030-01-01T00:02:30.000Z', '2030-01-01T00:03:10.000Z'])
  }, 60_000)
})

describe("the realm's fs for connect-pg-simple", () => {
  it("serves the package's table.sql read-only and answers ENOENT for every other path", async () => {
    const server = await createSimServer({
      source: `
const fs = require('fs')
require('connect-pg-simple')
const results = []
const attempt = (label, run) => {
  try { results.push(label + ': ' + String(run()).slice(0, 20)) } catch (error) { results.push(label + ': ' + error.code) }
}
attempt('server reads table.sql', () => fs.readFileSync('/app/node_modules/connect-pg-simple/table.sql', 'utf8'))
attempt('server reads /etc/passwd', () => fs.readFileSync('/etc/passwd', 'utf8'))
attempt('server writes table.sql', () => fs.writeFileSync('/app/node_modules/connect-pg-simple/table.sql', 'x'))
const express = require('express')
const app = express()
app.get('/', (req, res) => res.send(results.join('\\n')))
module.exports = app`,
      startTime: START,
    })
    const result = await server.request({ path: '/' })
    expect(result.ok && result.body).toBe(
      'server reads table.sql: CREATE TABLE "sessio\nserver reads /etc/passwd: ENOENT\nserver writes table.sql: ENOENT',
    )
  }, 60_000)
})
