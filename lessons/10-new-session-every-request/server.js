// Lesson 10: "a new session on every request", a debugging lab. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()

app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true },
  }),
)

app.get('/', (req, res) => {
  req.session.visits = (req.session.visits || 0) + 1
  res.send(`<h1>Visit number ${req.session.visits}</h1>
<p>Session id: <code>${req.sessionID}</code></p>
<p><a href="/">Visit again</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
