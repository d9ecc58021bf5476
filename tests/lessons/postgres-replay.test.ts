// @vitest-environment jsdom
/**
 * The lesson replay with a Postgres server: a lesson whose server.js uses connect-pg-simple is
 * walked through in the playground (PGlite), then replayed on real Node with the real `pg`
 * against Debian's PostgreSQL, started here, and the two must agree.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLessons } from '../../app/lesson-loader/vite-plugin-lessons'
import { replayLesson } from './replay-lesson'
import { scenarioForLesson } from './lesson-scenario'
import { runDifferential } from '../differential/support/run-differential'
import { startPostgresServer, type PostgresServerProcess } from '../support/postgres-server'

const SERVER = `const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const app = express()
app.use(session({
  store: new pgSession({ createTableIfMissing: true, pruneSessionInterval: false }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 60 * 1000 },
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('<h1>Visit number ' + req.session.views + '</h1>')
})
app.listen(3000)
`

const LESSON = `---
title: Sessions in Postgres
summary: connect-pg-simple keeps sessions in a table that outlives the server.
steps:
  - id: survives
    title: A restart keeps the session
    instructions: Visit twice, restart, visit again.
    do:
      - visit: { profile: Alice, path: / }
      - visit: { profile: Alice, path: / }
      - restartServer: true
      - visit: { profile: Alice, path: / }
    checks:
      - page: { profile: Alice, includes: Visit number 3 }
  - id: expires
    title: An expired row is not read back
    instructions: Let the session expire and visit again.
    do:
      - advanceClock: 2m
      - visit: { profile: Alice, path: / }
    checks:
      - page: { profile: Alice, includes: Visit number 1 }
---

# Sessions in Postgres
`

let folder: string
let postgres: PostgresServerProcess

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'postgres-lesson-'))
  await mkdir(path.join(folder, '01-postgres'))
  await writeFile(path.join(folder, '01-postgres', 'lesson.md'), LESSON)
  await writeFile(path.join(folder, '01-postgres', 'server.js'), SERVER)
  postgres = await startPostgresServer()
  await postgres.createDatabase('lesson')
}, 60_000)

afterAll(async () => {
  await postgres?.stop()
  await rm(folder, { recursive: true, force: true })
}, 30_000)

describe('a lesson with connect-pg-simple', () => {
  it('turns green in the playground and behaves the same on Node with PostgreSQL', async () => {
    const [parsed] = readLessons(folder)
    if (!parsed?.ok) throw new Error(`the fixture lesson is invalid: ${JSON.stringify(parsed)}`)
    const { steps, events, session } = await replayLesson(parsed.lesson)
    expect(steps.flatMap((step) => step.after.filter((check) => !check.passed))).toEqual([])
    const scenario = scenarioForLesson(parsed.lesson, events, session)
    const result = await runDifferential({ ...scenario, databaseUrl: postgres.url('lesson') })
    if (result.differences) expect.fail(result.differences)
  }, 120_000)
})
