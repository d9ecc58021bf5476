// Lesson 11: SameSite and cross-site requests. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()
const users = { alice: 'wonderland', bob: 'builder' }
const transfers = []

app.use(express.urlencoded({ extended: false }))
app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true },
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
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
  if (!Object.hasOwn(users, username) || users[username] !== password) {
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
  const mine = transfers.filter((transfer) => transfer.from === req.session.user)
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<form method="post" action="/transfer">
  <label>To <input name="to"></label>
  <label>Amount <input name="amount"></label>
  <button>Send money</button>
</form>
<ul>${mine.map((t) => `<li>${escapeHtml(t.amount)} to ${escapeHtml(t.to)}</li>`).join('')}</ul>`)
})

// A state-changing POST: exactly what a forged cross-site form tries to trigger.
app.post('/transfer', (req, res) => {
  if (!req.session.user) {
    return res.status(401).send('<h1>Log in first</h1><p>This request carried no session.</p>')
  }
  const { to, amount } = req.body
  transfers.push({ from: req.session.user, to, amount })
  res.send(`<h1>Sent ${escapeHtml(amount)} to ${escapeHtml(to)}</h1>
<p><a href="/dashboard">Back</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
