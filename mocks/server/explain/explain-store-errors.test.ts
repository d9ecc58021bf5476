import { describe, expect, it } from 'vitest'
import { createSimServer, type SimRequestResult } from '../host/api'
import { produced } from '../../../tests/support/explanation-specs'

const server = `
const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const app = express()
app.use(session({
  store: new pgSession({ pruneSessionInterval: false }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views ' + req.session.views)
})
module.exports = app
`

// Through `produced`, so the explanations check sees which codes this spec triggers.
const codesOf = (result: SimRequestResult) => produced(result.explanations).map(({ code }) => code)
const sentenceOf = (result: SimRequestResult, code: string) =>
  result.explanations.find((explanation) => explanation.code === code)?.sentence ?? ''

describe('a connect-pg-simple store without its table', () => {
  it("explains Postgres's error and the createTableIfMissing option, on write and on read", async () => {
    const sim = await createSimServer({ source: server, startTime: Date.UTC(2030, 0, 1) })
    const first = await sim.request({ path: '/' })
    expect(codesOf(first)).toEqual(
      expect.arrayContaining(['store-write-error', 'store-table-missing']),
    )
    expect(sentenceOf(first, 'store-table-missing')).toContain('no table "session"')
    expect(sentenceOf(first, 'store-table-missing')).toContain('createTableIfMissing: true')

    const cookie = first.ok ? (first.setCookies[0]?.split(';')[0] ?? '') : ''
    const second = await sim.request({ path: '/', headers: [['Cookie', cookie]] })
    expect(second.ok && second.status).toBe(500)
    expect(codesOf(second)).toEqual(
      expect.arrayContaining(['store-get-error', 'store-table-missing']),
    )
  }, 60_000)
})
