/** A login form: urlencoded body, a protected page, logout, session fixation and its fix. */
import type { Scenario } from '../support/scenario'

const loginApp = (loginHandler: string, logoutHandler: string) => `
const express = require('express')
const session = require('express-session')

const app = express()
app.use(express.urlencoded({ extended: false }))
app.use(session({
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 60 * 60 * 1000 },
}))

const USERS = { alice: 'wonderland', bob: 'builder' }

function requireLogin(req, res, next) {
  if (req.session.user) return next()
  res.redirect('/login')
}

app.get('/login', (req, res) => {
  res.send('<form method="post" action="/login"><input name="username"><input name="password" type="password"></form>')
})

app.post('/login', (req, res, next) => {
  const { username, password } = req.body
  if (!USERS[username] || USERS[username] !== password) {
    return res.status(401).send('Wrong username or password')
  }
${loginHandler}
})

app.get('/dashboard', requireLogin, (req, res) => {
  res.send('Hello ' + req.session.user + ', you logged in at ' + req.session.loggedInAt)
})

app.post('/logout', (req, res, next) => {
${logoutHandler}
})

app.listen(3000)
`

const LOGIN_WITH_REGENERATE = `
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = username
    req.session.loggedInAt = new Date().toISOString()
    req.session.save((err) => {
      if (err) return next(err)
      res.redirect('/dashboard')
    })
  })`

const LOGIN_WITHOUT_REGENERATE = `
  req.session.user = username
  req.session.loggedInAt = new Date().toISOString()
  res.redirect('/dashboard')`

const LOGOUT_DESTROY = `
  req.session.destroy((err) => {
    if (err) return next(err)
    res.redirect('/login')
  })`

const LOGOUT_DESTROY_AND_CLEAR = `
  req.session.destroy((err) => {
    if (err) return next(err)
    res.clearCookie('connect.sid')
    res.redirect('/login')
  })`

const FORM = [['Content-Type', 'application/x-www-form-urlencoded']] as const
const HTML = [['Accept', 'text/html,application/xhtml+xml']] as const

export const loginScenarios: Scenario[] = [
  {
    name: 'login, protected page, logout with destroy',
    source: loginApp(LOGIN_WITH_REGENERATE, LOGOUT_DESTROY),
    steps: [
      {
        browser: 'alice',
        path: '/dashboard',
        headers: HTML,
        expect: { status: 302, setCookies: 0 },
      },
      { browser: 'alice', path: '/login', expect: { status: 200 } },
      {
        browser: 'alice',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=alice&password=wonderland',
        expect: { status: 302, setCookies: 1 },
      },
      { advance: 5000 },
      { browser: 'alice', path: '/dashboard', expect: { status: 200, body: 'Hello alice' } },
      { browser: 'alice', method: 'POST', path: '/logout', headers: HTML, expect: { status: 302 } },
      // destroy() sends no Set-Cookie: the browser still presents the dead id.
      { browser: 'alice', path: '/dashboard', expect: { status: 302 } },
    ],
  },
  {
    name: 'login with a wrong password and an empty body',
    source: loginApp(LOGIN_WITH_REGENERATE, LOGOUT_DESTROY),
    steps: [
      {
        browser: 'alice',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=alice&password=queen',
        expect: { status: 401, setCookies: 0 },
      },
      // No body at all: body-parser leaves req.body undefined and the destructuring throws.
      { browser: 'alice', method: 'POST', path: '/login', expect: { status: 500 } },
      {
        browser: 'alice',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=bob&password=builder&username=alice',
        expect: { status: 401 },
      },
    ],
  },
  {
    name: 'logout with destroy and res.clearCookie',
    source: loginApp(LOGIN_WITH_REGENERATE, LOGOUT_DESTROY_AND_CLEAR),
    steps: [
      {
        browser: 'bob',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=bob&password=builder',
        expect: { status: 302 },
      },
      { browser: 'bob', path: '/dashboard', expect: { body: 'Hello bob' } },
      {
        browser: 'bob',
        method: 'POST',
        path: '/logout',
        expect: { status: 302, setCookies: 1, body: 'Redirecting to /login' },
      },
      { browser: 'bob', path: '/dashboard', expect: { status: 302 } },
    ],
  },
  {
    name: 'session fixation: a planted id logs the attacker in without regenerate',
    source: loginApp(LOGIN_WITHOUT_REGENERATE, LOGOUT_DESTROY),
    steps: [
      // The attacker logs into her own account and plants her session cookie in alice's browser.
      {
        browser: 'mallory',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=bob&password=builder',
        expect: { status: 302, setCookies: 1 },
      },
      { jar: 'copy', from: 'mallory', to: 'alice' },
      {
        browser: 'alice',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=alice&password=wonderland',
        expect: { status: 302, setCookies: 1 },
      },
      // Same id as before: mallory's cookie now opens alice's account.
      { browser: 'mallory', path: '/dashboard', expect: { status: 200, body: 'Hello alice' } },
    ],
  },
  {
    name: 'session fixation fixed: regenerate issues a new id at login',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(express.urlencoded({ extended: false }))
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }))
app.get('/', (req, res) => res.send(req.session.user ? 'Hello ' + req.session.user : 'anonymous'))
app.post('/login', (req, res, next) => {
  const before = req.sessionID
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = req.body.username
    console.log('regenerated', before, '->', req.sessionID)
    res.redirect('/')
  })
})
app.listen(3000)
`,
    steps: [
      // The attacker obtains a valid anonymous session and plants it in the victim's browser.
      { browser: 'mallory', path: '/', expect: { body: 'anonymous', setCookies: 1 } },
      { jar: 'copy', from: 'mallory', to: 'alice' },
      {
        browser: 'alice',
        method: 'POST',
        path: '/login',
        headers: FORM,
        body: 'username=alice',
        expect: { status: 302, setCookies: 1 },
      },
      { browser: 'alice', path: '/', expect: { body: 'Hello alice' } },
      { browser: 'mallory', path: '/', expect: { body: 'anonymous' } },
    ],
  },
]
