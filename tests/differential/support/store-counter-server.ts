/**
 * The visit counter the store differentials run, on whichever session store `setup` builds:
 * `/` counts, `/peek` reads without writing, `/logout` destroys. One app, so the Redis and the
 * Postgres suites compare their stores on the same routes.
 */
export function storeCounterServer(setup: string, store: string, sessionOptions: string): string {
  return `
const express = require('express')
const session = require('express-session')
${setup.trim()}
const app = express()
app.use(session({
  store: ${store},
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  ${sessionOptions}
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
app.get('/peek', (req, res) => res.send('views ' + (req.session.views || 0)))
app.get('/logout', (req, res) => req.session.destroy(() => res.send('bye')))
app.listen(3000)
`
}
