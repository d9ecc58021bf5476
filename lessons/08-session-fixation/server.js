// Lesson 8: session fixation. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()
const users = { alice: 'wonderland', bob: 'builder' }

app.use(express.urlencoded({ extended: false }))
app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

app.get('/', (req, res) => {
  if (req.session.user) return res.redirect('/dashboard')
  // Guests get a stored session too: here a visit counter, in a real shop a cart.
  req.session.guestVisits = (req.session.guestVisits || 0) + 1
  res.send(`<h1>Welcome, guest</h1>
<p>Session id: <code>${req.sessionID}</code></p>
<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`)
})

app.post('/login', (req, res, next) => {
  const { username, password } = req.body
  if (!Object.hasOwn(users, username) || users[username] !== password) {
    return res.status(401).send('<p>Wrong username or password. <a href="/">Try again</a></p>')
  }
  // The user logs in inside the session the browser already had.
  req.session.user = username
  res.redirect('/dashboard')
})

app.get('/dashboard', (req, res) => {
  if (!req.session.user) return res.redirect('/')
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<p>Session id: <code>${req.sessionID}</code></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
