// @vitest-environment jsdom
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatProblem } from '../../app/lesson-loader/lesson-problem'
import type { Lesson, ParsedLesson } from '../../app/lesson-loader/parse-lesson'
import { readLessons } from '../../app/lesson-loader/vite-plugin-lessons'
import { replayLesson } from './replay-lesson'
import { scenarioForLesson } from './lesson-scenario'
import { runDifferential } from '../differential/support/run-differential'
import { startRedisServer, type RedisServerProcess } from '../support/redis-server'
import { startPostgresServer, type PostgresServerProcess } from '../support/postgres-server'
import { requiresPostgres } from '../../mocks/server/host/services/requires-postgres'

// LINT_REPLAY_LESSONS lets lint-replay-broken-lesson.test.ts replay a fixture folder instead.
const lessons = readLessons(
  process.env.LINT_REPLAY_LESSONS ?? join(import.meta.dirname, '../../lessons'),
)

/** A lesson that does not parse cannot be replayed, so each of its replay tests fails. */
function lessonOf(parsed: ParsedLesson): Lesson {
  if (parsed.ok) return parsed.lesson
  throw new Error(
    `lesson ${parsed.id} does not parse, so it cannot be replayed:\n` +
      parsed.problems.map(formatProblem).join('\n'),
  )
}

// On the Node side, lessons that require('redis') talk to a real redis-server, and lessons
// that require('pg') (in server.js or in a step's edit) a real PostgreSQL, each lesson in a
// database of its own. PostgreSQL is started only when a lesson needs it.
const usesPostgres = (parsed: (typeof lessons)[number]) =>
  parsed.ok && requiresPostgres(JSON.stringify(parsed.lesson))
const databaseOf = (parsed: (typeof lessons)[number]) => `lesson_${lessons.indexOf(parsed) + 1}`
let redis: RedisServerProcess
let postgres: PostgresServerProcess | undefined
beforeAll(async () => {
  redis = await startRedisServer(lessons.length + 1)
  if (lessons.some(usesPostgres)) {
    postgres = await startPostgresServer()
    for (const parsed of lessons.filter(usesPostgres))
      await postgres.createDatabase(databaseOf(parsed))
  }
}, 60_000)
afterAll(async () => {
  await redis?.stop()
  await postgres?.stop()
}, 30_000)

describe.each(lessons.map((parsed) => [parsed.ok ? parsed.lesson.id : parsed.id, parsed] as const))(
  'lesson %s',
  (_id, parsed) => {
    it('is a valid lesson', () => {
      expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([])
    })

    it('has a reference walkthrough for every step', () => {
      expect(
        lessonOf(parsed)
          .steps.filter((step) => step.do.length === 0)
          .map((step) => step.id),
      ).toEqual([])
    })

    // A lesson that boots PGlite (initdb, seconds) and replays on a real PostgreSQL takes longer.
    const postgresTimeout = usesPostgres(parsed) ? 120_000 : undefined

    it(
      'turns every step green by its walkthrough, and no step is green before it',
      { timeout: postgresTimeout ?? 20_000 },
      async () => {
        const { steps } = await replayLesson(lessonOf(parsed))
        const report = steps.map(({ stepId, before, after }) => ({
          stepId,
          greenBeforeItsActions: before.every((check) => check.passed),
          failingAfter: after
            .filter((check) => !check.passed)
            .map((check) => `${check.label} — ${check.detail}`),
        }))
        expect(report).toEqual(
          steps.map(({ stepId }) => ({ stepId, greenBeforeItsActions: false, failingAfter: [] })),
        )
      },
    )

    it(
      'behaves the same on real Express in Node for its whole walkthrough',
      async () => {
        const lesson = lessonOf(parsed)
        const { events, session } = await replayLesson(lesson)
        const scenario = scenarioForLesson(lesson, events, session)
        const database = lessons.indexOf(parsed) + 1
        const result = await runDifferential({
          ...scenario,
          redisUrl: redis.url(database),
          ...(postgres && usesPostgres(parsed)
            ? { databaseUrl: postgres.url(databaseOf(parsed)) }
            : {}),
        })
        if (result.differences) expect.fail(result.differences)
      },
      postgresTimeout ?? 60_000,
    )
  },
)
