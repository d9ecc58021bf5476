/** `cookie.secure`, TLS, `trust proxy` and X-Forwarded-Proto. */
import type { Scenario } from '../support/scenario'

const app = (setup: string, sessionOptions: string) => `
const express = require('express')
const session = require('express-session')
const app = express()
${setup}
app.use(session(${sessionOptions}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send(req.protocol + ' secure=' + req.secure + ' views=' + req.session.views)
})
app.listen(3000)
`

const FORWARDED_HTTPS = [['X-Forwarded-Proto', 'https']] as const

export const secureAndProxyScenarios: Scenario[] = [
  {
    name: 'cookie.secure over plain http sets no cookie and stores a session per request',
    source: app(
      '',
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { secure: true } }`,
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'http secure=false views=1', setCookies: 0 } },
      { browser: 'alice', path: '/', expect: { body: 'views=1', setCookies: 0 } },
    ],
  },
  {
    name: 'cookie.secure over https: Secure cookie only sent back over https',
    source: app(
      '',
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { secure: true } }`,
    ),
    steps: [
      {
        browser: 'alice',
        path: '/',
        secure: true,
        expect: { body: 'https secure=true views=1', setCookies: 1 },
      },
      { browser: 'alice', path: '/', secure: true, expect: { body: 'views=2', setCookies: 0 } },
      // The browser does not send a Secure cookie over http.
      { browser: 'alice', path: '/', expect: { body: 'views=1', setCookies: 0 } },
      { browser: 'alice', path: '/', secure: true, expect: { body: 'views=3' } },
    ],
  },
  {
    name: 'behind a proxy: trust proxy honours X-Forwarded-Proto',
    source: app(
      `app.set('trust proxy', 1)`,
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { secure: true } }`,
    ),
    steps: [
      {
        browser: 'alice',
        path: '/',
        behindHttpsProxy: true,
        expect: { body: 'https secure=true', setCookies: 1 },
      },
      {
        browser: 'alice',
        path: '/',
        behindHttpsProxy: true,
        expect: { body: 'views=2', setCookies: 0 },
      },
      // Plain http to the app: the browser keeps its Secure cookie to itself.
      { browser: 'alice', path: '/', expect: { body: 'http secure=false views=1', setCookies: 0 } },
      // A forged header from a client that is not the trusted hop is still believed (trust 1).
      {
        browser: 'bob',
        path: '/',
        headers: FORWARDED_HTTPS,
        expect: { body: 'https secure=true' },
      },
    ],
  },
  {
    name: 'without trust proxy X-Forwarded-Proto is ignored, unless session proxy: true',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use('/plain', session({ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { secure: true, path: '/plain' } }))
app.use('/proxied', session({ secret: 'keyboard cat', proxy: true, resave: false, saveUninitialized: true, cookie: { secure: true, path: '/proxied' } }))
app.get(['/plain', '/proxied'], (req, res) => res.send(req.protocol + ' ' + (req.session ? 'session' : 'none')))
app.listen(3000)
`,
    steps: [
      {
        browser: 'alice',
        path: '/plain',
        headers: FORWARDED_HTTPS,
        expect: { body: 'http session', setCookies: 0 },
      },
      {
        browser: 'alice',
        path: '/proxied',
        headers: FORWARDED_HTTPS,
        expect: { body: 'http session', setCookies: 1 },
      },
      {
        browser: 'alice',
        path: '/proxied',
        headers: [['X-Forwarded-Proto', 'http, https']],
        expect: { setCookies: 0 },
      },
    ],
  },
  {
    name: "cookie.secure 'auto' follows the request's protocol",
    source: app(
      `app.set('trust proxy', 'loopback')`,
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: true, cookie: { secure: 'auto', maxAge: 1000 * 60 } }`,
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { setCookies: 1 } },
      { browser: 'bob', path: '/', secure: true, expect: { setCookies: 1 } },
      {
        browser: 'carol',
        path: '/',
        headers: FORWARDED_HTTPS,
        expect: { body: 'https', setCookies: 1 },
      },
      { browser: 'bob', path: '/', secure: true, expect: { body: 'views=2' } },
    ],
  },
]
