/**
 * session() given options of the wrong type, as a learner might write them. express-session
 * checks some at load (session() throws), others only when a session is generated, a cookie is
 * signed or serialized: Node decides which, and the simulation must fail at the same moment
 * with the same message (docs/express-session-behaviour.md, "The cookie options").
 */
import type { Scenario } from '../support/scenario'

/** A counter behind session(options): `/` reads the session, `/count` modifies it. */
const counter = (sessionOptions: string) => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session(${sessionOptions}))
app.get('/', (req, res) => res.send('visited ' + (req.session.views || 0)))
app.get('/count', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
app.listen(3000)
`

export const optionTypeScenarios: Scenario[] = [
  {
    name: 'option types checked when session() runs: secret [], unset and genid',
    source: counter(`{ secret: [], resave: false, saveUninitialized: false }`),
    steps: [
      { browser: 'alice', path: '/' },
      {
        restart: true,
        source: counter(
          `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, unset: 'remove' }`,
        ),
      },
      { browser: 'alice', path: '/' },
      {
        restart: true,
        source: counter(
          `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, genid: 'uuid' }`,
        ),
      },
      { browser: 'alice', path: '/' },
    ],
  },
  {
    name: 'a missing secret is a deprecation at load and a 500 on every request',
    source: counter(`{ resave: false, saveUninitialized: false }`),
    steps: [
      {
        browser: 'alice',
        path: '/',
        expect: { status: 500, body: 'secret option required for sessions' },
      },
      { browser: 'alice', path: '/count', expect: { status: 500, setCookies: 0 } },
    ],
  },
  {
    name: 'a number as secret: the session is saved without a cookie, a sent cookie is a 500',
    secrets: [],
    source: counter(`{ secret: 42, resave: false, saveUninitialized: false }`),
    steps: [
      { browser: 'alice', path: '/', expect: { status: 200, setCookies: 0 } },
      // Signing throws in the header hook: logged, the response goes out without Set-Cookie.
      { browser: 'alice', path: '/count', expect: { body: 'views 1', setCookies: 0 } },
      { jar: 'set', browser: 'alice', value: 's%3Aabc.def' },
      // Verifying throws in the middleware itself: Express's error page.
      {
        browser: 'alice',
        path: '/',
        expect: { status: 500, body: 'The &quot;key&quot; argument must be of type string' },
      },
    ],
  },
  {
    name: "cookie.sameSite 'bogus': the session is saved, no cookie is sent, the TypeError logged",
    source: counter(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { sameSite: 'bogus' } }`,
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'visited 0', setCookies: 0 } },
      { browser: 'alice', path: '/count', expect: { body: 'views 1', setCookies: 0 } },
      { browser: 'alice', path: '/', expect: { body: 'visited 0', setCookies: 0 } },
    ],
  },
  {
    name: "cookie.maxAge '1h' crashes the process on the first new session",
    source: counter(
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { maxAge: '1h' } }`,
    ),
    steps: [
      // The Cookie constructor throws inside generate(); Express's error page then ends the
      // response, whose touch of the cookieless session throws outside any try/catch.
      { browser: 'alice', path: '/' },
      { browser: 'alice', path: '/' },
      { restart: true },
      { browser: 'bob', path: '/count' },
    ],
  },
]
