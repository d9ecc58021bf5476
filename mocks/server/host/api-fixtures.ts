/** What the Node API specs share: a start time, a visit counter, and readers of a result. */
import type { SimRequestResult } from './api'

export const START = Date.UTC(2030, 0, 1)

export const visitCounter = (
  sessionOptions = "{ secret: 'keyboard cat', resave: false, saveUninitialized: false }",
) => `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session(${sessionOptions}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app
`

export function cookiePair(result: SimRequestResult): string {
  if (!result.ok || !result.setCookies[0]) throw new Error('expected a Set-Cookie header')
  return result.setCookies[0].split(';')[0] ?? ''
}

export function bodyOf(result: SimRequestResult): string {
  if (!result.ok) throw new Error(`request failed: ${result.error.message}`)
  return result.body
}
