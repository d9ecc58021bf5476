// Lesson 13: the same app on two servers behind a load balancer. On real Node you would start
// it twice (two ports or two machines) behind a proxy; with Redis:
//   npm install express express-session connect-redis redis
const express = require('express')
const session = require('express-session')

const app = express()

// STORE: each server process has its own MemoryStore.
const store = new session.MemoryStore()

app.use(
  session({
    store,
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  }),
)

app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send(`<h1>Visit number ${req.session.views}</h1><p><a href="/">Again</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
