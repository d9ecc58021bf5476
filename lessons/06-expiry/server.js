// Lesson 6: when a session ends. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()

app.use(express.urlencoded({ extended: false }))
app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 60 * 1000 }, // one minute, in milliseconds
  }),
)

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

// Only reads the session.
app.get('/', (req, res) => {
  if (!req.session.user) {
    return res.send(`<h1>You are not logged in</h1>
<form method="post" action="/login">
  <label>Your name <input name="name"></label>
  <button>Log in</button>
</form>`)
  }
  // Time left when this request arrived; at the end of the response express-session
  // resets the stored expiry to a full maxAge (the browser's cookie only with rolling).
  const secondsLeft = Math.round(req.session.cookie.maxAge / 1000)
  res.send(`<h1>Hello, ${escapeHtml(req.session.user)}</h1>
<p>Your session had ${secondsLeft} seconds left when this request arrived.</p>`)
})

// No passwords in this lesson: any name logs in.
app.post('/login', (req, res, next) => {
  req.session.regenerate((err) => {
    if (err) return next(err)
    req.session.user = String(req.body.name || 'anonymous')
    res.redirect('/')
  })
})

// Asks the store how many sessions it holds. MemoryStore's length() reads every entry,
// and reading an expired entry deletes it.
app.get('/stats', (req, res, next) => {
  req.sessionStore.length((err, count) => {
    if (err) return next(err)
    res.send(`<h1>Live sessions in the store: ${count}</h1>`)
  })
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
