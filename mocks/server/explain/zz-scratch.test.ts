import { it } from 'vitest'
import { createSimServer, type EngineEvent } from '../api'

const base = `
const express = require('express')
const session = require('express-session')
const cookieParser = require('cookie-parser')
const app = express()
`
const routes = `
app.get('/', (req, res) => { res.send('hi') })
app.get('/set', (req, res) => { req.session.x = 1; res.send('set') })
app.get('/null', (req, res) => { req.session = null; res.send('null') })
app.get('/logout', (req, res) => { req.session.destroy(() => { res.clearCookie('connect.sid'); res.send('bye') }) })
module.exports = app
`

type Step = { path: string; cookie?: boolean; secure?: boolean; advance?: number; raw?: string; before?: (s: Awaited<ReturnType<typeof createSimServer>>) => void }
async function run(label: string, setup: string, steps: Step[]) {
  const server = await createSimServer({ source: base + setup + routes, startTime: Date.UTC(2030, 0, 1), requestTimeoutMs: 200 })
  const events: EngineEvent[] = []
  server.on((e) => events.push(e))
  let cookie: string | undefined
  console.log('=====', label, server.state, server.loadError?.message)
  for (const step of steps) {
    if (step.advance) server.advanceClock(step.advance)
    step.before?.(server)
    events.length = 0
    const headers: [string, string][] = []
    if (step.raw) headers.push(['Cookie', step.raw])
    else if (step.cookie && cookie) headers.push(['Cookie', cookie])
    const r = await server.request({ path: step.path, headers, secure: step.secure ?? false })
    const sc = r.ok ? r.setCookies : []
    if (sc[0]) cookie = sc[0].split(';')[0]
    console.log('--', step.path, headers, r.ok ? r.status : r.error, sc, r.ok ? r.body.slice(0, 200) : '')
    for (const e of events) if (!['clock', 'request-start', 'request-end', 'explanations'].includes(e.kind) && !(e.kind === 'debug' && e.namespace === 'router')) console.log('  ', JSON.stringify(e).slice(0, 250))
  }
  server.close()
}

it('explores', async () => {
  await run('cp back-compat', `app.use(cookieParser('other')); app.use(session({ secret: 'k', resave: false, saveUninitialized: true }))`, [
    { path: '/', raw: 'connect.sid=' + encodeURIComponent('s:abc.xyz') },
  ])
  await run('unsigned/tampered', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false }))`, [
    { path: '/', raw: 'connect.sid=abc' },
    { path: '/', raw: 'connect.sid=s%3Aabc.xyz' },
  ])
  await run('unset', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false, unset: 'destroy' }))`, [
    { path: '/set' }, { path: '/null', cookie: true },
  ])
  await run('unset keep', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false }))`, [
    { path: '/set' }, { path: '/null', cookie: true }, { path: '/logout', cookie: true },
  ])
  await run('rolling', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false, rolling: true, cookie: { maxAge: 60000 } }))`, [
    { path: '/set' }, { path: '/', cookie: true },
  ])
  await run('disconnected+path', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false, cookie: { path: '/app' } }))`, [
    { path: '/set' }, { path: '/app', before: (s) => s.stores()[0]?.disconnect() },
  ])
  await run('404', `app.use(session({ secret: 'k', resave: false, saveUninitialized: false }))`, [{ path: '/nope' }])
  await run('lazy', `let mw; app.use((req, res, next) => { mw = mw || session({ secret: 'k', cookie: { maxAge: new Date(Date.now() + 1000) } }); mw(req, res, next) })`, [{ path: '/' }])
  await run('bogus genid', `app.use(session({ secret: 'k', resave: false, saveUninitialized: true, genid: () => 42 }))`, [{ path: '/' }])
  await run('store errors', `
    class Bad extends session.Store { get(id, cb) { cb(new Error('db down')) } set(id, s, cb) { cb(new Error('disk full')) } destroy(id, cb) { cb() } }
    app.use(session({ store: new Bad(), secret: 'k', resave: false, saveUninitialized: true }))`, [{ path: '/' }, { path: '/', raw: 'connect.sid=' + encodeURIComponent('s:abc.') }])
  await run('two middlewares', `
    app.use(session({ name: 'a.sid', secret: 'k', resave: false, saveUninitialized: true, cookie: { path: '/admin' } }))
    app.use(session({ name: 'b.sid', secret: 'k', resave: false, saveUninitialized: true }))`, [{ path: '/' }])
  await run('proxy', `app.set('trust proxy', 1); app.use(session({ secret: 'k', resave: false, saveUninitialized: true, cookie: { secure: true } }))`, [{ path: '/', secure: true }])
})
