/** Time passing, the store's own view of expiry, restarts and the playground's store controls. */
import type { Scenario } from '../support/scenario'

const counter = (maxAge: string, extra = '') => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false${maxAge} }))
app.get('/', (req, res) => {
  if (!req.session) return res.status(503).send('sessions unavailable')
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
${extra}
app.listen(3000, () => console.log('started at ' + new Date().toISOString()))
`

export const expiryAndRestartScenarios: Scenario[] = [
  {
    name: 'MemoryStore drops an expired entry when it is read',
    source: counter(`, cookie: { maxAge: 60000 }`),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      // The browser keeps an outdated copy with a later expiry than the store.
      { jar: 'copy', from: 'alice', to: 'bob' },
      {
        store: 'write',
        sessionOf: 'alice',
        data: (current, nowMs) => ({
          ...(current as object),
          cookie: {
            originalMaxAge: 60000,
            expires: new Date(nowMs + 10_000).toISOString(),
            httpOnly: true,
            path: '/',
          },
        }),
      },
      { advance: 30_000 },
      { browser: 'bob', path: '/', expect: { body: 'views 1', setCookies: 1 } },
    ],
  },
  {
    name: 'an expired entry nobody reads stays in the MemoryStore',
    source: counter(
      `, cookie: { maxAge: 60000 }`,
      `app.get('/count', (req, res) => req.sessionStore.length((err, n) => res.send('live sessions ' + n)))`,
    ),
    steps: [
      { browser: 'alice', path: '/' },
      { browser: 'bob', path: '/' },
      { advance: 59_999 },
      { browser: 'carol', path: '/count', expect: { body: 'live sessions 2' } },
      { advance: 1 },
      { browser: 'carol', path: '/count', expect: { body: 'live sessions 0' } },
    ],
  },
  {
    name: 'restart loses the MemoryStore, the clock and the cookies carry on',
    source: counter(`, cookie: { maxAge: 3600000 }`),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
      { advance: 5000 },
      { restart: true },
      { browser: 'alice', path: '/', expect: { body: 'views 1', setCookies: 1 } },
      { restart: true },
      { advance: 5000 },
      { browser: 'alice', path: '/', expect: { body: 'views 1', setCookies: 1 } },
    ],
  },
  {
    name: 'store controls: delete, clear and overwrite an entry',
    source: counter(''),
    steps: [
      { browser: 'alice', path: '/' },
      { browser: 'bob', path: '/' },
      { store: 'delete', sessionOf: 'alice' },
      { browser: 'alice', path: '/', expect: { body: 'views 1', setCookies: 1 } },
      {
        store: 'write',
        sessionOf: 'bob',
        data: (current) => ({ ...(current as object), views: 99, admin: true }),
      },
      { browser: 'bob', path: '/', expect: { body: 'views 100' } },
      { store: 'clear' },
      { browser: 'bob', path: '/', expect: { body: 'views 1', setCookies: 1 } },
    ],
  },
  {
    name: 'a stored entry without a cookie is a TypeError (500)',
    source: counter(''),
    steps: [
      { browser: 'alice', path: '/' },
      { store: 'write', sessionOf: 'alice', data: () => ({ views: 5 }) },
      { browser: 'alice', path: '/', expect: { status: 500 } },
    ],
  },
  {
    name: 'a disconnected store turns the middleware off until it reconnects',
    source: counter(''),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { store: 'disconnect' },
      { browser: 'alice', path: '/', expect: { status: 503, setCookies: 0 } },
      { store: 'connect' },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
    ],
  },
]
