// Lesson 7: signed cookies and secrets. Run it on real Node too:
//   npm install express express-session cookie-parser && node server.js
const express = require('express')
const session = require('express-session')
const cookieParser = require('cookie-parser')

// One secret for both middlewares: express-session's README warns that cookie-parser with a
// different secret causes trouble. In a real app it comes from the environment, not the code.
const secret = 'keyboard cat'

const app = express()

app.use(cookieParser(secret))
app.use(
  session({
    secret,
    resave: false,
    saveUninitialized: false,
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  const times = req.session.views === 1 ? 'time' : 'times'
  res.send(`<h1>You have visited this page ${req.session.views} ${times}</h1>
<p>Session id: <code>${req.sessionID}</code></p>
<p><a href="/">Visit again</a> · <a href="/plan">Your plan</a></p>`)
})

// A signed cookie of our own: res.cookie signs it with req.secret (cookie-parser's first
// secret), and cookie-parser verifies it into req.signedCookies. The value itself travels in
// the cookie, with a signature.
app.get('/plan', (req, res) => {
  const plan = req.signedCookies.plan
  if (plan === undefined) {
    res.cookie('plan', 'free', { signed: true })
    return res.send('<h1>Welcome! Your plan is free (signed cookie just set)</h1>')
  }
  if (plan === false) {
    res.cookie('plan', 'free', { signed: true })
    return res.send(`<h1>req.signedCookies.plan is false</h1>
<p>The signature does not match the value, so the cookie is ignored and reset to free.</p>`)
  }
  res.send(`<h1>Your plan, read from your signed cookie: ${escapeHtml(plan)}</h1>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
