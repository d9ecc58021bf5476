// Lesson 1: a visit counter. Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()

app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  }),
)

app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  const times = req.session.views === 1 ? 'time' : 'times'
  res.send(`<h1>You have visited this page ${req.session.views} ${times}</h1>
<p><a href="/">Visit again</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
