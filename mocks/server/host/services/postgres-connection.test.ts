/**
 * A connection string that names another database server: the playground has one, so the host
 * does not resolve (or the port refuses) with node-postgres's own error, the request that needed
 * the store fails with it, and the server keeps serving.
 */
import { describe, expect, it } from 'vitest'
import { createSimServer } from '../api'

const serverWith = (conString: string) => `
const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const app = express()
app.get('/health', (req, res) => res.send('up'))
app.use(session({
  store: new pgSession({ conString: ${JSON.stringify(conString)}, createTableIfMissing: true }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
}))
// reload() reads the store at once, so an unreachable server shows on the first request.
app.get('/', (req, res, next) => req.session.reload((err) => (err ? next(err) : res.send('read'))))
app.get('/count', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.use((err, req, res, next) => res.status(500).send(err.code + ': ' + err.message))
app.listen(3000)
`

describe('a connection string the playground cannot reach', () => {
  it.each([
    ['postgres://db.example.com/app', 'ENOTFOUND: getaddrinfo ENOTFOUND db.example.com'],
    ['postgres://localhost:5433/app', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5433'],
  ])(
    '%s fails with node-postgres’s error, and the app keeps running',
    async (url, message) => {
      const server = await createSimServer({ source: serverWith(url) })
      const failed = await server.request({ path: '/' })
      expect(failed.ok && [failed.status, failed.body]).toEqual([500, message])
      const health = await server.request({ path: '/health' })
      expect(health.ok && health.body).toBe('up')
      expect(server.state).toBe('running')
      server.close()
    },
    60_000,
  )

  it('reaches the playground’s own server under any database name', async () => {
    const server = await createSimServer({ source: serverWith('postgres://127.0.0.1:5432/shop') })
    const answered = await server.request({ path: '/count' })
    expect(answered.ok && [answered.status, answered.body]).toEqual([200, 'views: 1'])
    server.close()
  }, 60_000)
})
