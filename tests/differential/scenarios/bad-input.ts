/** Untrusted input that must never crash the server: cookies, query strings, bodies, paths. */
import type { Scenario } from '../support/scenario'

const ECHO_APP = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.use(express.json())
app.use(express.urlencoded({ extended: true }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.json({ views: req.session.views, cookie: req.headers.cookie === undefined ? null : req.headers.cookie })
})
app.get('/search', (req, res) => res.json({ query: req.query }))
app.get('/users/:id', (req, res) => res.json({ id: req.params.id }))
app.post('/api', (req, res) => res.json({ received: req.body }))
app.listen(3000)
`

const JSON_TYPE = [['Content-Type', 'application/json']] as const

export const badInputScenarios: Scenario[] = [
  {
    name: 'malformed Cookie headers are ignored',
    source: ECHO_APP,
    steps: [
      {
        browser: 'alice',
        path: '/',
        useJar: false,
        headers: [['Cookie', 'no-equals-sign; ;=; connect.sid']],
      },
      {
        browser: 'alice',
        path: '/',
        useJar: false,
        headers: [['Cookie', '"quoted"="value"; connect.sid="s%3Anope"']],
      },
      { browser: 'alice', path: '/', useJar: false, headers: [['Cookie', 'a']] },
    ],
  },
  {
    name: 'duplicate Cookie headers are joined and the first session cookie wins',
    source: ECHO_APP,
    steps: [
      { browser: 'alice', path: '/', expect: { body: '"views":1' } },
      { browser: 'bob', path: '/', expect: { body: '"views":1' } },
      { browser: 'bob', path: '/', expect: { body: '"views":2' } },
      // alice sends her cookie, then a second Cookie line with bob's: hers is read.
      { jar: 'copy', from: 'bob', to: 'carol' },
      {
        browser: 'alice',
        path: '/',
        headers: [['Cookie', 'connect.sid=s%3Aforged.sig; theme=dark']],
        expect: { body: '"views":2' },
      },
      {
        browser: 'carol',
        path: '/',
        headers: [['Cookie', 'connect.sid=s%3Aforged.sig']],
        expect: { body: '"views":3' },
      },
    ],
  },
  {
    name: 'bad percent-encoding in a cookie and in the query string',
    source: ECHO_APP,
    steps: [
      {
        browser: 'alice',
        path: '/',
        useJar: false,
        headers: [['Cookie', 'connect.sid=%E0%A4%A; other=%ZZ']],
      },
      { browser: 'alice', path: '/search?q=%E0%A4%A&ok=1&list=a&list=b', expect: { status: 200 } },
      {
        browser: 'alice',
        path: '/search?q=caf%C3%A9&plus=a+b&empty=&flag',
        expect: { body: 'café' },
      },
    ],
  },
  {
    name: 'bad percent-encoding in a route parameter is a 400',
    source: ECHO_APP,
    steps: [
      { browser: 'alice', path: '/users/%E0%A4%A', expect: { status: 400 } },
      { browser: 'alice', path: '/users/caf%C3%A9', expect: { body: '"id":"café"' } },
    ],
  },
  {
    name: 'broken JSON body is a 400, a body over the limit a 413',
    source: ECHO_APP,
    steps: [
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: JSON_TYPE,
        body: '{"user": "alice",',
        expect: { status: 400 },
      },
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: JSON_TYPE,
        body: '{"user":"alice","n":[1,2]}',
        expect: { status: 200 },
      },
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: JSON_TYPE,
        body: JSON.stringify({ filler: 'x'.repeat(120 * 1024) }),
        expect: { status: 413 },
      },
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: JSON_TYPE,
        body: '"just a string"',
        expect: { status: 400 },
      },
    ],
  },
  {
    name: 'urlencoded bodies, nested keys and unsupported charsets',
    source: ECHO_APP,
    steps: [
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: 'user[name]=alice&user[roles][]=admin&note=a%20b+c',
        expect: { body: '"roles":["admin"]' },
      },
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: [['Content-Type', 'application/json; charset=latin1']],
        body: '{}',
        expect: { status: 415 },
      },
      {
        browser: 'alice',
        method: 'POST',
        path: '/api',
        headers: [['Content-Type', 'text/plain']],
        body: 'just text',
        expect: { body: '{}' },
      },
    ],
  },
]
