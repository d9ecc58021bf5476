/** The server as a process: NODE_ENV, uncaught exceptions, deprecations from inside packages. */
import type { Scenario } from '../support/scenario'

export const processAndEnvironmentScenarios: Scenario[] = [
  {
    name: 'production: the MemoryStore warning and error pages without stacks',
    env: { NODE_ENV: 'production' },
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => res.send('env ' + app.get('env') + ' ' + process.env.NODE_ENV))
app.get('/throw', () => {
  throw new Error('hidden in production')
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'env production production' } },
      {
        browser: 'alice',
        path: '/throw',
        expect: { status: 500, body: '<pre>Internal Server Error</pre>' },
      },
    ],
  },
  {
    name: 'an uncaughtException listener keeps the server alive',
    source: `
const express = require('express')
const app = express()
process.on('uncaughtException', (err, origin) => {
  console.log('caught:', err.message, 'from', origin)
})
app.get('/later', (req, res) => {
  setTimeout(() => {
    throw new Error('thrown in a timer')
  }, 1)
  res.send('scheduled')
})
app.get('/', (req, res) => res.send('still alive'))
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/later', expect: { body: 'scheduled' } },
      { advance: 10 },
      { browser: 'alice', path: '/', expect: { body: 'still alive' } },
    ],
  },
  {
    name: 'deprecated APIs report the line in server.js that called them',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/date-max-age', (req, res) => {
  req.session.cookie.maxAge = new Date(Date.now() + 60000)
  req.session.touched = true
  res.send('maxAge given as a Date')
})
app.get('/twice', (req, res) => {
  for (let i = 0; i < 2; i++) req.session.cookie.maxAge = new Date(Date.now() + 1000)
  req.session.touched = true
  res.send('twice from one line')
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/date-max-age', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/date-max-age' },
      { browser: 'alice', path: '/twice' },
    ],
  },
  {
    name: 'timers and promises in routes run against the same clock',
    source: `
const express = require('express')
const { setTimeout: sleep } = require('timers').promises
const app = express()
const started = Date.now()
app.get('/', async (req, res) => {
  await sleep(2)
  const t = new Date()
  res.json({ elapsed: Date.now() - started, iso: t.toISOString(), utc: t.toUTCString(), year: t.getUTCFullYear() })
})
app.get('/immediate', (req, res) => {
  const order = []
  setImmediate(() => {
    order.push('immediate')
    res.json(order)
  })
  process.nextTick(() => order.push('tick'))
  Promise.resolve().then(() => order.push('promise'))
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: '"elapsed":0' } },
      { advance: 86_400_000 },
      { browser: 'alice', path: '/', expect: { body: '"elapsed":86400000' } },
      { browser: 'alice', path: '/immediate', expect: { body: '["tick","promise","immediate"]' } },
    ],
  },
  {
    name: 'process.nextTick callbacks run before promise callbacks',
    source: `
const express = require('express')
const app = express()
app.get('/', (req, res) => {
  const order = []
  Promise.resolve().then(() => order.push('promise'))
  process.nextTick(() => order.push('tick'))
  setImmediate(() => res.json(order))
})
app.listen(3000)
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: '["tick","promise"]' } }],
  },
  {
    name: 'an uncaught exception kills the server process',
    source: `
const express = require('express')
const app = express()
process.on('exit', (code) => console.log('exit event, code', code))
app.get('/', (req, res) => res.send('alive'))
app.get('/crash', (req, res) => {
  setImmediate(() => {
    throw new Error('thrown outside Express')
  })
  res.send('about to crash')
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'alive' } },
      { browser: 'alice', path: '/crash' },
      { browser: 'alice', path: '/' },
      { restart: true },
      { browser: 'alice', path: '/', expect: { body: 'alive' } },
    ],
  },
  {
    name: 'process.exit in a route stops the server',
    source: `
const express = require('express')
const app = express()
process.on('exit', (code) => console.log('exiting with', code))
app.get('/', (req, res) => res.send('alive'))
app.get('/quit', (req, res) => {
  console.log('quitting')
  process.exit(3)
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/quit' },
      { browser: 'alice', path: '/' },
    ],
  },
  {
    name: 'crypto digests and HMACs in every encoding',
    source: `
const express = require('express')
const crypto = require('node:crypto')
const app = express()
app.get('/', (req, res) => {
  const hmac = (encoding) => crypto.createHmac('sha256', 'key').update('value').digest(encoding)
  res.json({
    hex: hmac('hex'),
    base64: hmac('base64'),
    base64url: hmac('base64url'),
    sha1: crypto.createHash('sha1').update('abc').digest('hex'),
    md5: crypto.createHash('md5').update('abc', 'utf8').digest('base64'),
    bytes: crypto.createHash('sha256').update(Buffer.from([1, 2, 3])).digest().length,
  })
})
app.listen(3000)
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: '"base64url":"' } }],
  },
  {
    name: 'util.format and util.inspect in server code print as on Node',
    source: `
const express = require('express')
const util = require('node:util')
const app = express()
app.get('/', (req, res) => {
  res.type('text').send([
    util.format('%s=%d %o', 'a', 1, { deep: [1, 2] }),
    util.inspect({ when: new Date(0), map: new Map([['k', 1]]) }),
  ].join('\\n'))
})
app.listen(3000)
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: "Map(1) { 'k' => 1 }" } }],
  },
  {
    name: 'Buffer decodes invalid UTF-8 as Node does',
    source: `
const express = require('express')
const app = express()
app.post('/echo', (req, res) => {
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => res.json({ text: Buffer.concat(chunks).toString(), bytes: Buffer.concat(chunks).length }))
})
app.get('/', (req, res) => res.json({ text: Buffer.from([0x61, 0xe0, 0xa4, 0x62, 0xff]).toString() }))
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'a\ufffdb\ufffd' } },
      {
        browser: 'alice',
        method: 'POST',
        path: '/echo',
        body: 'plain é',
        expect: { body: 'plain é' },
      },
    ],
  },
  {
    name: 'timers/promises can be required',
    source: `
const express = require('express')
const { setTimeout: sleep } = require('node:timers/promises')
const app = express()
app.get('/', async (req, res) => res.send('slept ' + (await sleep(1, 'well'))))
app.listen(3000)
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: 'slept well' } }],
  },
  {
    name: 'server.js may declare names that Node only has as globals',
    source: `
const { Buffer } = require('buffer')
const process = require('process')
const { setTimeout } = require('timers')
const express = require('express')
const app = express()
app.get('/', (req, res) => setTimeout(() => res.send(Buffer.from('ok').toString() + ' ' + process.env.NODE_ENV), 1))
app.listen(3000)
`,
    steps: [{ browser: 'alice', path: '/', expect: { body: 'ok development' } }],
  },
]
