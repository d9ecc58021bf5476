// Lesson 2: what is inside the session cookie. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()

app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  }),
)

app.get('/', (req, res) => {
  req.session.visits = (req.session.visits || 0) + 1
  // Showing the id is for learning only: a real page has no reason to print it.
  res.send(`<h1>Visit number ${req.session.visits}</h1>
<p>Your session id is <code>${req.sessionID}</code>.</p>
<p><a href="/theme">Pick the dark theme</a></p>`)
})

app.get('/theme', (req, res) => {
  // An ordinary cookie, set by the route. Express does not make it HttpOnly unless asked.
  res.cookie('theme', 'dark')
  res.send(`<h1>Dark theme chosen</h1>
<p>Page scripts can read <code>theme</code> in <code>document.cookie</code>, but not <code>connect.sid</code>.</p>
<p><a href="/">Back</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
