// The same app on four session stores. On real Node, each store needs its database server
// running and its packages installed: npm install express express-session, plus
// connect-redis redis, connect-pg-simple pg, or connect-mongo mongodb.
const express = require('express')
const session = require('express-session')

const app = express()

// ▼ The store: replace these lines with another one, then press Run.
const store = new session.MemoryStore()
// ▲

console.log('Session store:', store.constructor.name)

app.use(
  session({
    store,
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 60 * 1000 },
  }),
)

// Changes the session: express-session saves it with store.set().
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send(`<h1>Visit number ${req.session.views}</h1><p><a href="/peek">Peek</a></p>`)
})

// Reads it without a change: express-session only renews its expiry with store.touch().
app.get('/peek', (req, res) => {
  res.send(`<p>Visits so far: ${req.session.views || 0}</p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
