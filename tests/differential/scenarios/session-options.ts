/** Every session() option, one behaviour at a time. */
import type { Scenario } from '../support/scenario'

/** A server with routes that read, change or drop the session. */
const app = (sessionOptions: string, extraRoutes = '') => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session(${sessionOptions}))
app.get('/', (req, res) => res.send('visited ' + (req.session.views || 0)))
app.get('/count', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
app.get('/forget', (req, res) => {
  req.session = null
  res.send('forgotten')
})
${extraRoutes}
app.listen(3000)
`

export const sessionOptionScenarios: Scenario[] = [
  {
    name: 'option name renames the cookie',
    cookieName: 'sid',
    source: app(`{ name: 'sid', secret: 'keyboard cat', resave: false, saveUninitialized: false }`),
    steps: [
      { browser: 'alice', path: '/count', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 2' } },
      { jar: 'set', browser: 'alice', cookie: 'connect.sid', value: 'stale' },
      { browser: 'alice', path: '/count', expect: { body: 'views 3' } },
    ],
  },
  {
    name: 'resave true saves unmodified sessions, false touches them',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use('/resave', session({ secret: 'keyboard cat', resave: true, saveUninitialized: false, cookie: { path: '/resave', maxAge: 60000 } }))
app.use('/touch', session({ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { path: '/touch', maxAge: 60000 } }))
app.get(['/resave/set', '/touch/set'], (req, res) => { req.session.user = 'alice'; res.send('set') })
app.get(['/resave/read', '/touch/read'], (req, res) => res.send('user ' + req.session.user))
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/resave/set', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/touch/set', expect: { setCookies: 1 } },
      { advance: 10_000 },
      { browser: 'alice', path: '/resave/read', expect: { body: 'user alice', setCookies: 0 } },
      { browser: 'alice', path: '/touch/read', expect: { body: 'user alice', setCookies: 0 } },
    ],
  },
  {
    name: 'saveUninitialized true stores and sends a cookie for an untouched session',
    source: app(`{ secret: 'keyboard cat', resave: false, saveUninitialized: true }`),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'visited 0', setCookies: 1 } },
      { browser: 'alice', path: '/', expect: { setCookies: 0 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 1', setCookies: 0 } },
    ],
  },
  {
    name: 'saveUninitialized false leaves untouched sessions unsaved and cookieless',
    source: app(`{ secret: 'keyboard cat', resave: false, saveUninitialized: false }`),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'visited 0', setCookies: 0 } },
      { browser: 'alice', path: '/', expect: { setCookies: 0 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 1', setCookies: 1 } },
    ],
  },
  {
    name: 'rolling resends the cookie with a fresh Expires on every response',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, rolling: true, cookie: { maxAge: 30000 } }`,
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { setCookies: 0 } },
      { browser: 'alice', path: '/count', expect: { setCookies: 1 } },
      { advance: 20_000 },
      { browser: 'alice', path: '/', expect: { body: 'visited 1', setCookies: 1 } },
      { advance: 20_000 },
      { browser: 'alice', path: '/', expect: { body: 'visited 1', setCookies: 1 } },
    ],
  },
  {
    name: 'without rolling an active reader is logged out by the browser',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { maxAge: 30000 } }`,
    ),
    steps: [
      { browser: 'alice', path: '/count', expect: { setCookies: 1 } },
      { advance: 20_000 },
      { browser: 'alice', path: '/', expect: { body: 'visited 1', setCookies: 0 } },
      { advance: 20_000 },
      // The store entry was touched and lives on; the cookie has expired in the browser.
      { browser: 'alice', path: '/', expect: { body: 'visited 0' } },
    ],
  },
  {
    name: "unset 'destroy' removes the stored session when req.session is set to null",
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, unset: 'destroy' }`,
    ),
    steps: [
      { browser: 'alice', path: '/count' },
      { browser: 'alice', path: '/forget', expect: { body: 'forgotten', setCookies: 0 } },
      { browser: 'alice', path: '/', expect: { body: 'visited 0' } },
    ],
  },
  {
    name: "unset 'keep' keeps the stored session when req.session is set to null",
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, unset: 'keep' }`,
    ),
    steps: [
      { browser: 'alice', path: '/count' },
      { browser: 'alice', path: '/forget', expect: { body: 'forgotten', setCookies: 0 } },
      { browser: 'alice', path: '/', expect: { body: 'visited 1' } },
    ],
  },
  {
    name: 'cookie path limits where the browser sends the cookie',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { path: '/account' } }`,
      `app.get('/account/count', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('account views ' + req.session.views)
})
app.get('/elsewhere', (req, res) => res.send(req.session ? 'session' : 'no session outside /account'))`,
    ),
    steps: [
      {
        browser: 'alice',
        path: '/account/count',
        expect: { body: 'account views 1', setCookies: 1 },
      },
      {
        browser: 'alice',
        path: '/account/count',
        expect: { body: 'account views 2', setCookies: 0 },
      },
      // Outside /account the middleware does nothing at all (pathname mismatch).
      {
        browser: 'alice',
        path: '/elsewhere',
        expect: { body: 'no session outside', setCookies: 0 },
      },
      // ...and a route that assumes a session fails.
      { browser: 'alice', path: '/count', expect: { status: 500 } },
      { browser: 'alice', path: '/account/count', expect: { body: 'account views 3' } },
    ],
  },
  {
    name: 'cookie domain, httpOnly false and sameSite strict',
    host: 'app.example.test:3000',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { domain: 'example.test', httpOnly: false, sameSite: 'strict' } }`,
    ),
    steps: [
      { browser: 'alice', path: '/count', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 2' } },
    ],
  },
  {
    name: 'sameSite lax, true and none, priority and partitioned',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
const options = (path, cookie) => ({ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { path, ...cookie } })
app.use('/lax', session(options('/lax', { sameSite: 'lax' })))
app.use('/true', session(options('/true', { sameSite: true, priority: 'high' })))
app.use('/none', session(options('/none', { sameSite: 'none', secure: true, partitioned: true })))
app.get(['/lax', '/true', '/none'], (req, res) => res.send('ok'))
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/lax', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/true', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/none', secure: true, expect: { setCookies: 1 } },
    ],
  },
  {
    name: 'cookie.expires as a fixed date, and maxAge winning over expires',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use('/fixed', session({ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { path: '/fixed', expires: new Date(Date.now() + 3600000) } }))
app.use('/both', session({ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { path: '/both', expires: new Date(Date.now() + 3600000), maxAge: 1000 } }))
app.get(['/fixed', '/both'], (req, res) => res.json(req.session.cookie))
app.listen(3000)
`,
    steps: [
      { advance: 60_000 },
      { browser: 'alice', path: '/fixed', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/both', expect: { setCookies: 1 } },
    ],
  },
  {
    name: 'genid decides the session id',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, genid: (req) => 'user-' + (++global.counter) + '-' + req.path.slice(1) }`,
    ).replace('const app = express()', 'const app = express()\nglobal.counter = 0'),
    steps: [
      { browser: 'alice', path: '/count', expect: { setCookies: 1 } },
      { browser: 'bob', path: '/count', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 2' } },
    ],
  },
  {
    name: 'cookie options as a function of the request',
    source: app(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: (req) => ({ maxAge: req.query.long ? 86400000 : 60000, sameSite: 'lax' }) }`,
    ),
    steps: [
      { browser: 'alice', path: '/count?long=1', expect: { setCookies: 1 } },
      { browser: 'bob', path: '/count', expect: { setCookies: 1 } },
    ],
  },
]
