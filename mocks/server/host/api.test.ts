import { describe, expect, it } from 'vitest'
import { createSimServer, type EngineEvent } from './api'
import { bodyOf, cookiePair, START, visitCounter } from './api-fixtures'

describe('createSimServer', () => {
  describe('request', () => {
    it('serves a visit counter whose cookie brings the session back', async () => {
      const server = await createSimServer({ source: visitCounter(), startTime: START })
      const first = await server.request({ path: '/', headers: [['Host', 'localhost:3000']] })
      expect(bodyOf(first)).toBe('views: 1')
      expect(first.ok && first.setCookies[0]).toMatch(
        /^connect\.sid=s%3A[\w-]{32}\.[\w%]+; Path=\/; HttpOnly$/,
      )

      const second = await server.request({ path: '/', headers: [['Cookie', cookiePair(first)]] })
      expect(bodyOf(second)).toBe('views: 2')
      expect(second.ok && second.setCookies).toEqual([])
      server.close()
    })

    it('returns every Set-Cookie as its own header pair, in order', async () => {
      const server = await createSimServer({
        source: `
const express = require('express')
const app = express()
app.get('/', (req, res) => { res.cookie('a', '1'); res.cookie('b', '2', { maxAge: 1000 }); res.end() })
module.exports = app`,
        startTime: START,
      })
      const result = await server.request({ path: '/' })
      expect(result.ok && result.headers.filter(([name]) => name === 'Set-Cookie')).toEqual([
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'b=2; Max-Age=1; Path=/; Expires=Tue, 01 Jan 2030 00:00:01 GMT'],
      ])
    })

    it('passes a body and its method to body parsers', async () => {
      const server = await createSimServer({
        source: `
const express = require('express')
const app = express()
app.use(express.urlencoded({ extended: false }))
app.post('/echo', (req, res) => res.json(req.body))
module.exports = app`,
      })
      const result = await server.request({
        method: 'POST',
        path: '/echo',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: 'username=alice&password=wonderland',
      })
      expect(bodyOf(result)).toBe('{"username":"alice","password":"wonderland"}')
    })

    it('marks https requests as secure, so a secure cookie is sent', async () => {
      const server = await createSimServer({
        source: visitCounter(
          "{ secret: 's', resave: false, saveUninitialized: true, cookie: { secure: true } }",
        ),
      })
      const overHttp = await server.request({ path: '/' })
      const overHttps = await server.request({ path: '/', secure: true })
      expect(overHttp.ok && overHttp.setCookies).toEqual([])
      expect(overHttps.ok && overHttps.setCookies[0]).toMatch(/; HttpOnly; Secure$/)
    })

    it('answers malformed and duplicate Cookie headers like Node, without failing', async () => {
      const server = await createSimServer({ source: visitCounter() })
      for (const cookie of [
        'connect.sid=%E0%A4%A',
        'connect.sid=s%3Agarbage',
        ';;;=',
        'connect.sid',
      ]) {
        const result = await server.request({
          path: '/',
          headers: [
            ['Cookie', cookie],
            ['Cookie', 'x=1'],
          ],
        })
        expect(bodyOf(result)).toBe('views: 1')
      }
    })

    it('fails with SERVER_TIMEOUT when a route never ends the response', async () => {
      const server = await createSimServer({
        source: `
const app = require('express')()
app.get('/', () => {})
module.exports = app`,
        requestTimeoutMs: 200,
      })
      const result = await server.request({ path: '/' })
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('SERVER_TIMEOUT')
    })
  })

  describe('advanceClock', () => {
    it('expires a session and its cookie on the virtual clock', async () => {
      const server = await createSimServer({
        source: visitCounter(
          "{ secret: 's', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }",
        ),
        startTime: START,
      })
      const first = await server.request({ path: '/' })
      expect(first.ok && first.setCookies[0]).toContain('Expires=Tue, 01 Jan 2030 00:01:00 GMT')
      expect(server.advanceClock(61_000)).toBe(START + 61_000)
      expect(server.now()).toBe(START + 61_000)
      const [store] = server.stores()
      expect(Object.keys(store?.entries() ?? {})).toHaveLength(1)
      const afterExpiry = await server.request({
        path: '/',
        headers: [['Cookie', cookiePair(first)]],
      })
      expect(bodyOf(afterExpiry)).toBe('views: 1')
    })

    it('refuses to move time backwards', async () => {
      const server = await createSimServer({ source: visitCounter() })
      expect(() => server.advanceClock(-1)).toThrow(RangeError)
    })
  })

  describe('stores', () => {
    it('reads raw MemoryStore entries and lets them be overwritten, deleted and cleared', async () => {
      const server = await createSimServer({ source: visitCounter(), startTime: START })
      const first = await server.request({ path: '/' })
      const cookie = cookiePair(first)
      const [store] = server.stores()
      if (!store) throw new Error('expected a store')
      expect(store.kind).toBe('MemoryStore')
      const [sessionId] = Object.keys(store.entries() ?? {})
      if (!sessionId) throw new Error('expected a stored session')

      store.write(sessionId, {
        cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' },
        views: 41,
      })
      expect(bodyOf(await server.request({ path: '/', headers: [['Cookie', cookie]] }))).toBe(
        'views: 42',
      )
      store.delete(sessionId)
      expect(bodyOf(await server.request({ path: '/', headers: [['Cookie', cookie]] }))).toBe(
        'views: 1',
      )
      store.clear()
      expect(store.entries()).toEqual({})
    })

    it('runs requests without a session while the store is disconnected', async () => {
      const server = await createSimServer({
        source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 's', resave: false, saveUninitialized: true }))
app.get('/', (req, res) => res.send(req.session ? 'session' : 'no session'))
module.exports = app`,
      })
      const [store] = server.stores()
      store?.disconnect()
      expect(bodyOf(await server.request({ path: '/' }))).toBe('no session')
      store?.connect()
      expect(bodyOf(await server.request({ path: '/' }))).toBe('session')
    })
  })

  describe('restart', () => {
    it('starts with a fresh MemoryStore, as a restarted Node process would', async () => {
      const server = await createSimServer({ source: visitCounter() })
      const first = await server.request({ path: '/' })
      await server.request({ path: '/', headers: [['Cookie', cookiePair(first)]] })
      expect(await server.restart()).toEqual({ ok: true })
      expect(server.stores()[0]?.entries()).toEqual({})
      expect(
        bodyOf(await server.request({ path: '/', headers: [['Cookie', cookiePair(first)]] })),
      ).toBe('views: 1')
    })

    it('loads new source when given', async () => {
      const server = await createSimServer({ source: visitCounter() })
      await server.restart(
        `module.exports = require('express')().get('/', (req, res) => res.send('new'))`,
      )
      expect(bodyOf(await server.request({ path: '/' }))).toBe('new')
    })
  })

  describe('on', () => {
    it('reports console output, deprecations and store calls as events', async () => {
      const server = await createSimServer({
        source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 's' }))
app.get('/', (req, res) => { console.log('visit', req.path); res.end() })
app.listen(3000, () => console.log('listening'))`,
        startTime: START,
      })
      const events: EngineEvent[] = []
      const unsubscribe = server.on((event) => events.push(event))
      await server.restart()
      await server.request({ path: '/' })
      unsubscribe()
      const texts = events.flatMap((event) =>
        event.kind === 'console' || event.kind === 'deprecation' ? [event.text] : [],
      )
      expect(texts).toEqual([
        'Tue, 01 Jan 2030 00:00:00 GMT express-session deprecated undefined resave option; provide resave option at server.js:5:9',
        'Tue, 01 Jan 2030 00:00:00 GMT express-session deprecated undefined saveUninitialized option; provide saveUninitialized option at server.js:5:9',
        'listening',
        'visit /',
      ])
      const storeCalls = events.flatMap((event) =>
        event.kind === 'store-call' ? [event.operation] : [],
      )
      expect(storeCalls).toEqual(['set'])
      const visit = events.find((event) => event.kind === 'console' && event.text === 'visit /')
      expect(visit && 'requestId' in visit && visit.requestId).toBeGreaterThan(0)
    })
  })

  describe('debug events', () => {
    /** express-session's debug() lines of each request, by request id. */
    function sessionDebugLines(events: readonly EngineEvent[]): Map<number, string[]> {
      const byRequest = new Map<number, string[]>()
      for (const event of events) {
        if (event.kind !== 'debug' || event.namespace !== 'express-session') continue
        if (!('requestId' in event) || typeof event.requestId !== 'number') continue
        byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event.message])
      }
      return byRequest
    }

    it("reports each of express-session's debug() lines as its own event, with its request", async () => {
      const events: EngineEvent[] = []
      const server = await createSimServer({
        source: visitCounter(),
        onEvent: (event) => events.push(event),
      })
      const first = await server.request({ path: '/' })
      const cookie = cookiePair(first)
      const returning = await server.request({ path: '/', headers: [['Cookie', cookie]] })
      // One character of the signature changed, as a curious learner would in the cookie jar.
      const tampered = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))
      const forged = await server.request({ path: '/', headers: [['Cookie', tampered]] })
      server.close()

      const lines = sessionDebugLines(events)
      const sessionId = /^connect\.sid=s%3A([\w-]{32})\./.exec(cookie)?.[1] ?? ''
      expect(lines.get(first.requestId)).toEqual([
        'no SID sent, generating session',
        `saving ${sessionId}`,
        expect.stringMatching(/^set-cookie connect\.sid=s%3A/),
        'split response',
      ])
      expect(lines.get(returning.requestId)).toEqual([
        `fetching ${sessionId}`,
        'session found',
        `saving ${sessionId}`,
        'split response',
      ])
      expect(lines.get(forged.requestId)).toEqual([
        'cookie signature invalid',
        'no SID sent, generating session',
        expect.stringMatching(/^saving [\w-]{32}$/),
        expect.stringMatching(/^set-cookie connect\.sid=s%3A/),
        'split response',
      ])
    })
  })

  describe('loadError', () => {
    it('reports a syntax error with its line and column in server.js', async () => {
      const server = await createSimServer({ source: 'const a = 1\nconst b = (\n' })
      expect(server.state).toBe('failed')
      expect(server.loadError).toMatchObject({
        name: 'SyntaxError',
        location: { file: 'server.js', line: 3, column: 1 },
      })
      const result = await server.request({ path: '/' })
      expect(!result.ok && result.error.code).toBe('SERVER_NOT_RUNNING')
    })

    it("gives an unclosed brace Node's message and header, not the loader wrapper's", async () => {
      const server = await createSimServer({
        source:
          "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => {\n  res.send('hi')",
      })
      expect(server.loadError).toMatchObject({
        name: 'SyntaxError',
        message: 'Unexpected end of input',
        location: { file: 'server.js', line: 4, column: 17 },
        stack:
          "server.js:4\n  res.send('hi')\n                \n\nSyntaxError: Unexpected end of input",
      })
    })

    it('reports an error thrown while loading with its location', async () => {
      const server = await createSimServer({
        source: "const express = require('express')\n\n  undefinedThing()\n",
      })
      expect(server.loadError).toMatchObject({
        name: 'ReferenceError',
        message: 'undefinedThing is not defined',
        location: { file: 'server.js', line: 3, column: 3 },
      })
    })

    it('lists the available modules when a require fails', async () => {
      const server = await createSimServer({ source: "require('mongoose')" })
      expect(server.loadError?.code).toBe('MODULE_NOT_FOUND')
      expect(server.loadError?.message).toMatch(/^Cannot find module 'mongoose'\n/)
      expect(server.loadError?.message).toContain('express, express-session, cookie-parser')
      expect(server.loadError?.location).toEqual({ file: 'server.js', line: 1, column: 1 })
    })

    it('explains a file that starts no server', async () => {
      const server = await createSimServer({ source: "const express = require('express')" })
      expect(server.loadError?.message).toBe(
        'server.js neither exports an app (module.exports = app) nor calls app.listen()',
      )
    })
  })

  describe('state', () => {
    it('stops serving after an uncaught exception, until restarted', async () => {
      const server = await createSimServer({
        source: `
const app = require('express')()
app.get('/crash', (req, res) => { setImmediate(() => { throw new Error('boom') }) })
app.get('/', (req, res) => res.send('ok'))
module.exports = app`,
      })
      expect(server.state).toBe('running')
      const crash = await server.request({ path: '/crash' })
      expect(!crash.ok && crash.error).toEqual({
        code: 'SERVER_CRASHED',
        message: 'The server crashed: Error: boom',
      })
      expect(server.state).toBe('crashed')
      const next = await server.request({ path: '/' })
      expect(!next.ok && next.error.code).toBe('SERVER_CRASHED')
      await server.restart()
      expect(bodyOf(await server.request({ path: '/' }))).toBe('ok')
    })

    it('treats a rejected promise from a timer callback as an uncaught error', async () => {
      const server = await createSimServer({
        source: `
const app = require('express')()
app.get('/', (req, res) => { setTimeout(async () => { throw new Error('late') }, 1) })
module.exports = app`,
      })
      const result = await server.request({ path: '/' })
      expect(!result.ok && result.error.message).toBe('The server crashed: Error: late')
    })

    it('keeps serving when the server handles uncaughtException itself', async () => {
      const server = await createSimServer({
        source: `
process.on('uncaughtException', (err) => console.log('caught', err.message))
const app = require('express')()
app.get('/', (req, res) => { setImmediate(() => { throw new Error('boom') }); res.send('ok') })
module.exports = app`,
      })
      expect(bodyOf(await server.request({ path: '/' }))).toBe('ok')
      expect(bodyOf(await server.request({ path: '/' }))).toBe('ok')
      expect(server.state).toBe('running')
    })
  })
})
