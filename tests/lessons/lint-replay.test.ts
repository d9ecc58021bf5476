// @vitest-environment jsdom
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../app/lesson-loader/lesson-problem'
import type { Lesson, ParsedLesson } from '../../app/lesson-loader/parse-lesson'
import { readLessons } from '../../app/lesson-loader/vite-plugin-lessons'
import { replayLesson } from './replay-lesson'
import { scenarioForLesson } from './lesson-scenario'
import { runDifferential } from '../differential/support/run-differential'

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

    it('turns every step green by its walkthrough, and no step is green before it', async () => {
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
    })

    it('behaves the same on real Express in Node for its whole walkthrough', async () => {
      const lesson = lessonOf(parsed)
      const { events, session } = await replayLesson(lesson)
      const result = await runDifferential(scenarioForLesson(lesson, events, session))
      if (result.differences) expect.fail(result.differences)
    }, 60_000)
  },
)
