/** The first lesson's program in its variants: a counter kept in the session. */
import type { Scenario } from '../support/scenario'

const counter = (sessionOptions: string) => `
const express = require('express')
const session = require('express-session')

const app = express()
app.use(session(${sessionOptions}))

app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})

app.listen(3000, () => console.log('listening on http://localhost:3000'))
`

const MINUTE = 60_000

export const visitCounterScenarios: Scenario[] = [
  {
    name: 'visit counter with a browser-session cookie',
    source: counter(`{ secret: 'keyboard cat', resave: false, saveUninitialized: false }`),
    steps: [
      { browser: 'alice', path: '/', expect: { status: 200, body: 'views: 1', setCookies: 1 } },
      { browser: 'alice', path: '/', expect: { body: 'views: 2', setCookies: 0 } },
      { browser: 'bob', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { browser: 'alice', path: '/', expect: { body: 'views: 3' } },
    ],
  },
  {
    name: 'visit counter with cookie.maxAge: Expires, store.touch and expiry',
    source: counter(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { maxAge: ${MINUTE} } }`,
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { advance: 20_000 },
      // Modified: saved, and the cookie is sent again with a fresh Expires.
      { browser: 'alice', path: '/', expect: { body: 'views: 2', setCookies: 1 } },
      { advance: 61_000 },
      // The browser dropped the cookie; the old entry stays in the MemoryStore (no timers).
      { browser: 'alice', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
    ],
  },
  {
    name: 'visit counter with default options prints the deprecations',
    source: counter(`{ secret: 'keyboard cat' }`),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views: 1' } },
      // resave: true saves an unmodified session again.
      { browser: 'alice', path: '/favicon.ico', expect: { status: 404 } },
      { browser: 'bob', path: '/nothing-here', expect: { status: 404, setCookies: 1 } },
    ],
  },
  {
    name: 'visit counter exported without listen',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.json({ views: req.session.views, id: req.sessionID })
})
app.get('/status', (req, res) => res.send('views so far: ' + req.session.views))
module.exports = app
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: '"views":1' } },
      { browser: 'alice', path: '/', expect: { body: '"views":2' } },
      { browser: 'alice', method: 'HEAD', path: '/status', expect: { status: 200 } },
    ],
  },
]
