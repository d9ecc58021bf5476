// Lesson 12: where sessions live. To run the Redis version on real Node you need a Redis
// server and: npm install express express-session connect-redis redis
const express = require('express')
const session = require('express-session')

const app = express()

// STORE: the default store, MemoryStore, keeps sessions in this process's memory.
const store = new session.MemoryStore()

app.use(
  session({
    store,
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 60 * 60 * 1000 },
  }),
)

app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send(`<h1>Visit number ${req.session.views}</h1><p><a href="/">Again</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
