// Lesson 9: a stolen session cookie. Run it on real Node too:
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
    // httpOnly is the default; the lifetime is short: 15 minutes, in milliseconds.
    cookie: { httpOnly: true, maxAge: 15 * 60 * 1000 },
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function checkPassword(username, password) {
  return Object.hasOwn(users, username) && users[username] === password
}

app.get('/', (req, res) => {
  if (req.session.user) return res.redirect('/dashboard')
  res.send(`<h1>Please log in</h1>
<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`)
})

app.post('/login', (req, res, next) => {
  const { username, password } = req.body
  if (!checkPassword(username, password)) {
    return res.status(401).send('<p>Wrong username or password. <a href="/">Try again</a></p>')
  }
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = username
    res.redirect('/dashboard')
  })
})

app.get('/dashboard', (req, res) => {
  if (!req.session.user) return res.redirect('/')
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<form method="post" action="/sudo">
  <label>Confirm your password for the admin area <input name="password" type="password"></label>
  <button>Unlock</button>
</form>
<form method="post" action="/logout"><button>Log out</button></form>`)
})

// Entering the admin area is a privilege change: it gets a new session id, like a login.
app.post('/sudo', (req, res, next) => {
  const user = req.session.user
  if (!user || !checkPassword(user, req.body.password)) return res.redirect('/')
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = user
    req.session.admin = true
    res.redirect('/admin')
  })
})

app.get('/admin', (req, res) => {
  if (!req.session.admin) return res.redirect('/dashboard')
  res.send(`<h1>Admin area</h1><p>Signed in as ${escapeHtml(req.session.user)}.</p>`)
})

app.post('/logout', (req, res, next) => {
  req.session.destroy((err) => {
    if (err) return next(err)
    // destroy() empties the store entry; clearing the cookie tidies the browser too.
    res.clearCookie('connect.sid')
    res.redirect('/')
  })
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
