// Lesson 4: logging out, and switching users. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()
// Demo accounts. A real app stores password hashes (bcrypt, argon2), never passwords.
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
  res.send(`<h1>Welcome</h1>
<p><a href="/dashboard">Go to your dashboard</a></p>`)
})

app.get('/login', (req, res) => {
  res.send(`<h1>Log in</h1>
<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`)
})

app.post('/login', (req, res, next) => {
  const { username, password } = req.body
  if (!Object.hasOwn(users, username) || users[username] !== password) {
    return res.status(401).send('<p>Wrong username or password. <a href="/login">Try again</a></p>')
  }
  // Throw the old session away and start a new one, with a new id, for the new user.
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = username
    res.redirect('/dashboard')
  })
})

app.get('/dashboard', (req, res) => {
  if (!req.session.user) return res.redirect('/login')
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<form method="post" action="/logout"><button>Log out</button></form>`)
})

app.post('/logout', (req, res, next) => {
  // Deletes the session from the store. It does not touch the browser's cookie.
  req.session.destroy((err) => {
    if (err) return next(err)
    res.redirect('/login')
  })
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
