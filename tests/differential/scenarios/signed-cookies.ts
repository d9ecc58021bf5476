/** express-session's signed cookie under attack, secret rotation, and cookie-parser's signing. */
import { createHmac } from 'node:crypto'
import type { Scenario } from '../support/scenario'

/** cookie-signature's sign(): `value.base64(HMAC-SHA256)` without padding, URL-encoded. */
function signedCookieValue(value: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')
  return encodeURIComponent(`s:${value}.${signature}`)
}

const counter = (secret: string) => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: ${secret}, resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.listen(3000)
`

const KEYBOARD_CAT = counter(`'keyboard cat'`)

export const signedCookieScenarios: Scenario[] = [
  {
    name: 'tampered signature character: no store lookup, a new session',
    source: KEYBOARD_CAT,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views: 1' } },
      { jar: 'tamper-signature', browser: 'alice' },
      { browser: 'alice', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { browser: 'alice', path: '/', expect: { body: 'views: 2' } },
    ],
  },
  {
    name: 'changed id with the old signature: a new session',
    source: KEYBOARD_CAT,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views: 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views: 2' } },
      { jar: 'change-id', browser: 'alice' },
      { browser: 'alice', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
    ],
  },
  {
    name: 'cookie without the s: prefix is ignored',
    source: KEYBOARD_CAT,
    steps: [
      { browser: 'alice', path: '/' },
      { jar: 'drop-prefix', browser: 'alice' },
      { browser: 'alice', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { jar: 'set', browser: 'bob', value: 's%3Agarbage' },
      { browser: 'bob', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { jar: 'set', browser: 'carol', value: '' },
      { browser: 'carol', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
    ],
  },
  {
    name: 'cookie signed with a wrong secret is rejected',
    source: KEYBOARD_CAT,
    secrets: ['keyboard cat', 'not the secret'],
    steps: [
      {
        jar: 'set',
        browser: 'mallory',
        value: signedCookieValue('chosen-by-mallory', 'not the secret'),
      },
      { browser: 'mallory', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      { jar: 'set', browser: 'eve', value: signedCookieValue('chosen-by-eve', 'keyboard cat') },
      // A correctly signed id that is not in the store: a new session with a new id.
      { browser: 'eve', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
    ],
  },
  {
    name: 'rotated secrets: old signatures still verify, new cookies use the first secret',
    source: counter(`['new secret', 'keyboard cat']`),
    secrets: ['new secret', 'keyboard cat'],
    steps: [
      {
        jar: 'set',
        browser: 'alice',
        value: signedCookieValue('id-from-last-year', 'keyboard cat'),
      },
      {
        store: 'write',
        sessionOf: 'alice',
        data: () => ({
          cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' },
          views: 41,
        }),
      },
      { browser: 'alice', path: '/', expect: { body: 'views: 42', setCookies: 0 } },
      { browser: 'bob', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
      {
        jar: 'set',
        browser: 'carol',
        value: signedCookieValue('id-from-last-year', 'retired secret'),
      },
      { browser: 'carol', path: '/', expect: { body: 'views: 1', setCookies: 1 } },
    ],
  },
  {
    name: 'cookie-parser signed cookies with res.cookie signed: true',
    secrets: ['keyboard cat', 'cookie secret'],
    source: `
const express = require('express')
const cookieParser = require('cookie-parser')
const app = express()
app.use(cookieParser('cookie secret'))
app.get('/remember', (req, res) => {
  res.cookie('user', 'alice', { signed: true, httpOnly: true })
  res.cookie('theme', 'dark')
  res.cookie('prefs', { lang: 'en', size: 2 }, { maxAge: 60000 })
  res.send('remembered')
})
app.get('/', (req, res) => {
  res.json({ cookies: req.cookies, signedCookies: req.signedCookies, secret: req.secret })
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: '"cookies":{}' } },
      { browser: 'alice', path: '/remember', expect: { setCookies: 3 } },
      { browser: 'alice', path: '/', expect: { body: '"signedCookies":{"user":"alice"}' } },
      { jar: 'tamper-signature', browser: 'alice', cookie: 'user' },
      { browser: 'alice', path: '/', expect: { body: '"user":false' } },
      { advance: 61_000 },
      { browser: 'alice', path: '/', expect: { body: '"theme":"dark"' } },
    ],
  },
  {
    name: 'session without a secret uses cookie-parser req.secret (deprecated)',
    source: `
const express = require('express')
const cookieParser = require('cookie-parser')
const session = require('express-session')
const app = express()
app.use(cookieParser('keyboard cat'))
app.use(session({ resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.json({ views: req.session.views, signed: req.signedCookies })
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: '"views":1', setCookies: 1 } },
      { browser: 'alice', path: '/', expect: { body: '"views":2' } },
    ],
  },
  {
    name: 'cookie-parser with another secret: a cookie it verified is accepted (deprecated)',
    secrets: ['keyboard cat', 'parser secret'],
    source: `
const express = require('express')
const cookieParser = require('cookie-parser')
const session = require('express-session')
const app = express()
app.use(cookieParser('parser secret'))
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views + ' id=' + req.sessionID)
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views: 1' } },
      { jar: 'set', browser: 'bob', value: signedCookieValue('parser-signed-id', 'parser secret') },
      {
        store: 'write',
        sessionOf: 'bob',
        data: () => ({
          cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' },
          views: 7,
        }),
      },
      { browser: 'bob', path: '/', expect: { body: 'views: 8 id=parser-signed-id' } },
      { browser: 'bob', path: '/', expect: { body: 'views: 9' } },
    ],
  },
]
