/** Express's own responses: error pages, 404, HEAD, redirects, cookies, partial responses. */
import type { Scenario } from '../support/scenario'

const APP = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => res.send('<h1>home</h1>'))
app.get('/throw', (req, res) => {
  throw new Error('route exploded')
})
app.get('/async', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 5))
  throw Object.assign(new Error('async route rejected'), { status: 418 })
})
app.get('/next-error', (req, res, next) => next(Object.assign(new Error('no access'), { status: 403, expose: true })))
app.get('/partial', (req, res) => {
  res.write('partial ')
  throw new Error('failed after writing')
})
app.get('/go', (req, res) => res.redirect('/'))
app.get('/go-permanent', (req, res) => res.redirect(301, '/elsewhere?x=1&y=<2>'))
app.get('/cookies', (req, res) => {
  res.cookie('a', 'one', { path: '/', maxAge: 90000 })
  res.cookie('b', 'two words;', { httpOnly: true, sameSite: 'lax' })
  res.clearCookie('old', { path: '/' })
  res.send('cookies set')
})
app.get('/clear', (req, res) => {
  res.clearCookie('a', { maxAge: 1000 })
  res.clearCookie('b')
  res.end()
})
app.get('/login', (req, res) => {
  req.session.user = 'alice'
  res.redirect('/')
})
app.get('/empty', (req, res) => res.status(204).end())
app.get('/json', (req, res) => res.status(201).json({ ok: true, list: [1, 'two'], nested: { n: null } }))
app.get('/text', (req, res) => res.type('text').send('plain text'))
app.get('/headers', (req, res) => {
  res.set('X-Custom', 'one')
  res.append('X-Custom', 'two')
  res.setHeader('Cache-Control', 'no-store')
  res.vary('Accept')
  res.location('/somewhere')
  res.status(202).send(Buffer.from('binary body'))
})
app.listen(3000)
`

export const expressBehaviourScenarios: Scenario[] = [
  {
    name: 'a throwing route is a 500 with the error page and a logged stack',
    source: APP,
    steps: [{ browser: 'alice', path: '/throw', expect: { status: 500, body: 'route exploded' } }],
  },
  {
    name: 'an async route that rejects reaches the error handler',
    source: APP,
    steps: [
      { browser: 'alice', path: '/async', expect: { status: 418 } },
      { browser: 'alice', path: '/next-error', expect: { status: 403 } },
    ],
  },
  {
    name: 'unknown paths and methods are 404',
    source: APP,
    steps: [
      { browser: 'alice', path: '/missing', expect: { status: 404, body: 'Cannot GET /missing' } },
      { browser: 'alice', method: 'DELETE', path: '/', expect: { status: 404 } },
      { browser: 'alice', path: '/missing/<script>?q=1', expect: { status: 404 } },
    ],
  },
  {
    name: 'HEAD requests get the GET headers and no body',
    source: APP,
    steps: [
      { browser: 'alice', method: 'HEAD', path: '/', expect: { status: 200, body: '' } },
      { browser: 'alice', method: 'HEAD', path: '/json', expect: { status: 201 } },
      { browser: 'alice', method: 'HEAD', path: '/missing', expect: { status: 404 } },
      { browser: 'alice', method: 'HEAD', path: '/login', expect: { status: 302, setCookies: 1 } },
    ],
  },
  {
    name: 'a route that throws after res.write resets the connection',
    source: APP,
    steps: [
      { browser: 'alice', path: '/partial' },
      { browser: 'alice', path: '/', expect: { status: 200 } },
    ],
  },
  {
    name: 'redirects in each content negotiation',
    source: APP,
    steps: [
      { browser: 'alice', path: '/go', expect: { status: 302, body: 'Found. Redirecting to /' } },
      {
        browser: 'alice',
        path: '/go',
        headers: [['Accept', 'text/html']],
        expect: { status: 302 },
      },
      {
        browser: 'alice',
        path: '/go-permanent',
        headers: [['Accept', 'text/html']],
        expect: { status: 301 },
      },
      {
        browser: 'alice',
        path: '/go-permanent',
        headers: [['Accept', 'application/json']],
        expect: { status: 301 },
      },
      { browser: 'alice', path: '/login', expect: { status: 302, setCookies: 1 } },
    ],
  },
  {
    name: 'res.cookie and res.clearCookie',
    source: APP,
    steps: [
      { browser: 'alice', path: '/cookies', expect: { setCookies: 3 } },
      { browser: 'alice', path: '/clear', expect: { setCookies: 2 } },
      { browser: 'alice', path: '/cookies' },
    ],
  },
  {
    name: 'status codes, JSON, text, binary bodies and custom headers',
    source: APP,
    steps: [
      { browser: 'alice', path: '/empty', expect: { status: 204, body: '' } },
      { browser: 'alice', path: '/json', expect: { status: 201 } },
      { browser: 'alice', path: '/text', expect: { body: 'plain text' } },
      { browser: 'alice', path: '/headers', expect: { status: 202 } },
    ],
  },
  {
    name: 'conditional GET answers 304 Not Modified',
    source: APP,
    steps: [
      {
        browser: 'alice',
        path: '/',
        headers: [['If-None-Match', 'W/"d-MMe5lKLcE6ETJ9flfrm7Z3m6pnk"']],
      },
      {
        browser: 'alice',
        path: '/text',
        headers: [['If-None-Match', '*']],
        expect: { status: 304 },
      },
    ],
  },
  {
    name: 'console output in its many forms',
    source: `
const express = require('express')
const app = express()
app.get('/', (req, res) => {
  console.log('plain %s and %d and %j', 'text', 42, { a: 1 })
  console.info({ nested: { deep: { deeper: { deepest: 1 } } }, list: [1, 2, 3], when: new Date() })
  console.warn('warned', null, undefined, true)
  console.error(new Error('logged error'))
  const coded = new Error('coded')
  coded.code = 'E_CODED'
  console.error(coded)
  console.log(['a', 'b'], new Map([[1, 'one']]), new Set([1]), Symbol('s'), 10n)
  process.stdout.write('raw stdout\\n')
  process.stderr.write('raw stderr\\n')
  res.send('logged')
})
app.listen(3000, () => console.log('Example app listening on port 3000'))
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: 'logged' } }],
  },
]
