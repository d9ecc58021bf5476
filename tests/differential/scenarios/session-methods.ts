/** req.session's methods: regenerate, save, reload, touch, destroy, and the cookie object. */
import type { Scenario } from '../support/scenario'

const app = (
  routes: string,
  sessionOptions = `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 } }`,
) => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session(${sessionOptions}))
app.get('/set', (req, res) => {
  req.session.color = req.query.color || 'blue'
  res.send('color ' + req.session.color)
})
app.get('/show', (req, res) => res.json({ color: req.session.color, maxAge: req.session.cookie.maxAge }))
${routes}
app.listen(3000)
`

export const sessionMethodScenarios: Scenario[] = [
  {
    name: 'regenerate replaces the id and drops the data; explicit save stores twice',
    source: app(`
app.get('/regenerate', (req, res, next) => {
  const old = req.sessionID
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.fresh = true
    req.session.save((err) => {
      if (err) return next(err)
      res.send('changed: ' + (old !== req.sessionID) + ' color: ' + req.session.color)
    })
  })
})`),
    steps: [
      { browser: 'alice', path: '/set' },
      {
        browser: 'alice',
        path: '/regenerate',
        expect: { body: 'changed: true color: undefined', setCookies: 1 },
      },
      { browser: 'alice', path: '/show', expect: { body: '"maxAge":60000' } },
    ],
  },
  {
    name: 'save before redirect, then touch on the next request',
    source: app(`
app.post('/remember', (req, res, next) => {
  req.session.color = 'green'
  req.session.save((err) => {
    if (err) return next(err)
    res.redirect(303, '/show')
  })
})`),
    steps: [
      {
        browser: 'alice',
        method: 'POST',
        path: '/remember',
        expect: { status: 303, setCookies: 1 },
      },
      { advance: 1000 },
      { browser: 'alice', path: '/show', expect: { body: '"color":"green"' } },
      { browser: 'alice', method: 'POST', path: '/remember', expect: { status: 303 } },
    ],
  },
  {
    name: 'reload discards unsaved changes and reports a missing session',
    source: app(`
app.get('/reload', (req, res) => {
  req.session.color = 'unsaved red'
  req.session.reload((err) => {
    if (err) return res.status(500).send('reload failed: ' + err.message)
    res.send('after reload: ' + req.session.color)
  })
})`),
    steps: [
      { browser: 'alice', path: '/set?color=yellow' },
      { browser: 'alice', path: '/reload', expect: { body: 'after reload: yellow' } },
      { store: 'delete', sessionOf: 'alice' },
      {
        browser: 'alice',
        path: '/reload',
        expect: { status: 500, body: 'failed to load session' },
      },
    ],
  },
  {
    name: 'touch and resetMaxAge, and a per-request maxAge (remember me)',
    source: app(`
app.get('/touch', (req, res) => {
  req.session.touch()
  res.json({ maxAge: req.session.cookie.maxAge })
})
app.get('/remember-me', (req, res) => {
  req.session.cookie.maxAge = 7 * 24 * 3600 * 1000
  req.session.remember = true
  res.send('remembered for a week')
})
app.get('/forget-me', (req, res) => {
  req.session.cookie.expires = false
  req.session.remember = false
  res.send('browser session')
})`),
    steps: [
      { browser: 'alice', path: '/set' },
      { advance: 15_000 },
      { browser: 'alice', path: '/show', expect: { body: '"maxAge":45000' } },
      { browser: 'alice', path: '/touch', expect: { body: '"maxAge":60000', setCookies: 0 } },
      { browser: 'alice', path: '/remember-me', expect: { setCookies: 1 } },
      { advance: 120_000 },
      { browser: 'alice', path: '/show', expect: { body: '"color":"blue"' } },
      { browser: 'alice', path: '/forget-me', expect: { setCookies: 1 } },
    ],
  },
  {
    name: 'destroy without a callback, then unset destroy destroys the same id again',
    source: app(
      `
app.get('/destroy', (req, res) => {
  req.session.destroy()
  res.send('destroyed, session is ' + typeof req.session + ', id still ' + (req.sessionID ? 'set' : 'unset'))
})`,
      `{ secret: 'keyboard cat', resave: false, saveUninitialized: false, unset: 'destroy' }`,
    ),
    steps: [
      { browser: 'alice', path: '/set' },
      { browser: 'alice', path: '/destroy', expect: { body: 'destroyed, session is undefined' } },
      // The browser still sends the dead id: a new, empty session.
      { browser: 'alice', path: '/show', expect: { body: '{"maxAge":null}' } },
    ],
  },
  {
    name: 'session data with reserved names and a custom toJSON',
    source: app(`
app.get('/odd', (req, res) => {
  req.session.save2 = 'kept'
  req.session.constructor = 'shadow'
  req.session.nested = { list: [1, 2, 3], when: new Date(), nothing: null, gone: undefined }
  res.send('odd data')
})
app.get('/odd/show', (req, res) => res.json(Object.keys(req.session)))`),
    steps: [
      { browser: 'alice', path: '/odd', expect: { setCookies: 1 } },
      { browser: 'alice', path: '/odd/show', expect: { body: '"save2"' } },
    ],
  },
]
