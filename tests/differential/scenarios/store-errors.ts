/** Custom stores that fail, and what Express and express-session make of each failure. */
import type { Scenario } from '../support/scenario'

/** A MemoryStore-like store whose operations can be told to fail through a query parameter. */
const flakyStore = (routes: string) => `
const express = require('express')
const session = require('express-session')

class FlakyStore extends session.Store {
  constructor() {
    super()
    this.sessions = {}
    this.failing = {}
  }
  fail(operation, error) {
    this.failing[operation] = error
  }
  answer(operation, callback, value) {
    const error = this.failing[operation]
    delete this.failing[operation]
    setImmediate(() => (error ? callback(error) : callback(null, value)))
  }
  get(sid, callback) {
    const json = this.sessions[sid]
    this.answer('get', callback, json ? JSON.parse(json) : undefined)
  }
  set(sid, sess, callback) {
    if (!this.failing.set) this.sessions[sid] = JSON.stringify(sess)
    this.answer('set', callback)
  }
  destroy(sid, callback) {
    if (!this.failing.destroy) delete this.sessions[sid]
    this.answer('destroy', callback)
  }
}

const store = new FlakyStore()
const app = express()
app.use((req, res, next) => {
  if (req.query.fail) {
    const error = new Error('store ' + req.query.fail + ' failed')
    if (req.query.code) error.code = req.query.code
    store.fail(req.query.fail, error)
  }
  next()
})
app.use(session({ store, secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
${routes}
app.listen(3000)
`

export const storeErrorScenarios: Scenario[] = [
  {
    name: 'store.get error becomes a 500 through next(err)',
    source: flakyStore(''),
    steps: [
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
      { browser: 'alice', path: '/?fail=get', expect: { status: 500, body: 'store get failed' } },
      { browser: 'alice', path: '/', expect: { body: 'views 2' } },
    ],
  },
  {
    name: 'store.get ENOENT error means not found',
    source: flakyStore(''),
    steps: [
      { browser: 'alice', path: '/' },
      {
        browser: 'alice',
        path: '/?fail=get&code=ENOENT',
        expect: { status: 200, body: 'views 1', setCookies: 1 },
      },
    ],
  },
  {
    name: 'store.set error at the end of the request: response sent, error logged',
    source: flakyStore(''),
    steps: [
      { browser: 'alice', path: '/?fail=set', expect: { status: 200, body: 'views 1' } },
      { browser: 'alice', path: '/', expect: { body: 'views 1' } },
    ],
  },
  {
    name: 'errors from explicit save and destroy go to their callbacks',
    source: flakyStore(`
app.get('/save', (req, res) => {
  req.session.saved = true
  req.session.save((err) => res.send(err ? 'save said: ' + err.message : 'saved'))
})
app.get('/logout', (req, res) => {
  req.session.destroy((err) => res.status(err ? 500 : 200).send(err ? 'destroy said: ' + err.message : 'bye'))
})
app.get('/regenerate', (req, res) => {
  req.session.regenerate((err) => res.send(err ? 'regenerate said: ' + err.message : 'regenerated'))
})`),
    steps: [
      { browser: 'alice', path: '/save?fail=set', expect: { body: 'save said: store set failed' } },
      { browser: 'alice', path: '/save', expect: { body: 'saved', setCookies: 1 } },
      { browser: 'alice', path: '/regenerate?fail=destroy', expect: { body: 'regenerate said' } },
      { browser: 'alice', path: '/logout?fail=destroy', expect: { status: 500 } },
      { browser: 'alice', path: '/logout', expect: { body: 'bye' } },
    ],
  },
  {
    name: 'a store without touch: resave false and a read-only request',
    source: flakyStore(
      `app.get('/read', (req, res) => res.send('views are ' + req.session.views))`,
    ).replace(
      'saveUninitialized: false }',
      'saveUninitialized: false, cookie: { maxAge: 60000 } }',
    ),
    steps: [
      { browser: 'alice', path: '/', expect: { setCookies: 1 } },
      { advance: 1000 },
      { browser: 'alice', path: '/read', expect: { body: 'views are 1', setCookies: 0 } },
    ],
  },
]
