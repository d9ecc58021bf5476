/** How the response is assembled: header order, Set-Cookie next to the session's, streaming. */
import type { Scenario } from '../support/scenario'

const APP = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }))
app.get('/login', (req, res) => {
  res.cookie('remember', 'yes', { maxAge: 3600000 })
  res.setHeader('X-Before-Session', '1')
  req.session.user = 'alice'
  res.send('with two cookies')
})
app.get('/write-first', (req, res) => {
  res.write('headers go out now; ')
  req.session.late = true
  res.end('then the session changes')
})
app.get('/stream', (req, res) => {
  res.type('text')
  res.write('one ')
  res.write(Buffer.from('two '))
  setTimeout(() => res.end('three'), 1)
})
app.get('/write-head', (req, res) => {
  req.session.viaWriteHead = true
  res.writeHead(201, { 'Content-Type': 'text/plain', 'X-Head': 'yes' })
  res.end('created')
})
app.get('/unicode', (req, res) => {
  req.session.name = 'Zoë 🍪'
  res.send('héllo wörld ✓ 🍪 ' + req.session.name)
})
app.get('/expires-null', (req, res) => {
  req.session.cookie.expires = null
  req.session.browserSession = true
  res.send('cookie.expires set to null')
})
app.get('/show', (req, res) => res.json(req.session))
app.listen(3000)
`

export const responseDetailScenarios: Scenario[] = [
  {
    name: "a route's own cookies come before the session cookie",
    source: APP,
    steps: [
      { browser: 'alice', path: '/login', expect: { setCookies: 2 } },
      { browser: 'alice', path: '/show', expect: { body: '"user":"alice"' } },
    ],
  },
  {
    name: 'res.write before changing a new session: saved, but no cookie',
    source: APP,
    steps: [
      {
        browser: 'alice',
        path: '/write-first',
        expect: { setCookies: 0, body: 'then the session changes' },
      },
      { browser: 'alice', path: '/show', expect: { body: '{"cookie"' } },
    ],
  },
  {
    name: 'streamed and chunked responses, writeHead with a session',
    source: APP,
    steps: [
      { browser: 'alice', path: '/stream', expect: { body: 'one two three' } },
      { browser: 'alice', path: '/write-head', expect: { status: 201, setCookies: 1 } },
      { browser: 'alice', method: 'HEAD', path: '/stream' },
    ],
  },
  {
    name: 'unicode in bodies and session data',
    source: APP,
    steps: [
      { browser: 'alice', path: '/unicode', expect: { body: '🍪 Zoë' } },
      { browser: 'alice', path: '/show', expect: { body: 'Zoë 🍪' } },
    ],
  },
  {
    name: 'cookie.expires = null keeps the old persistent cookie in the browser',
    source: APP,
    steps: [
      { browser: 'alice', path: '/login', expect: { setCookies: 2 } },
      { browser: 'alice', path: '/expires-null', expect: { setCookies: 0 } },
      { advance: 30_000 },
      { browser: 'alice', path: '/show', expect: { body: '"browserSession":true' } },
      // The browser's copy expired with the login response's Expires: a new session.
      { advance: 31_000 },
      { browser: 'alice', path: '/show', expect: { body: /^\{"cookie":\{[^}]*\}\}$/ } },
    ],
  },
]
