// A small login flow: the sample server the playground starts when no lesson is open.
// It is ordinary Express code: `npm install express express-session && node login-server.js`.
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
    cookie: { maxAge: 10 * 60 * 1000 },
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

app.get('/', (req, res) => {
  if (req.session.user) return res.redirect('/dashboard')
  res.send(`<h1>Welcome</h1>
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
  // A new id at login: a session id planted before login is worthless afterwards.
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = username
    res.redirect('/dashboard')
  })
})

app.get('/dashboard', (req, res) => {
  if (!req.session.user) return res.redirect('/')
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<form method="post" action="/logout"><button>Log out</button></form>`)
})

app.post('/logout', (req, res, next) => {
  req.session.destroy((err) => {
    if (err) return next(err)
    res.redirect('/')
  })
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
