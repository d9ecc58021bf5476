// Lesson 5: saveUninitialized and resave, the two options every session() call should set.
// Run it on real Node too:
//   npm install express express-session && node server.js
const express = require('express')
const session = require('express-session')

const app = express()

app.use(
  session({
    // ▼ The options this lesson is about: change them here, then press Run.
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    // ▲
  }),
)

// Reads nothing from the session and writes nothing to it.
app.get('/', (req, res) => {
  res.send(`<h1>The fruit shop</h1>
<form method="post" action="/cart"><button>Put an apple in your cart</button></form>
<p><a href="/cart">See your cart</a></p>`)
})

// Modifies the session: the first thing worth remembering about this visitor.
app.post('/cart', (req, res) => {
  req.session.apples = (req.session.apples || 0) + 1
  res.redirect('/cart')
})

// Only reads the session.
app.get('/cart', (req, res) => {
  res.send(`<h1>Your cart: ${req.session.apples || 0} apples</h1>
<p><a href="/">Back to the shop</a></p>`)
})

app.listen(3000, () => console.log('Listening on http://localhost:3000'))
