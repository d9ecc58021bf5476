/**
 * What the app holds of a lesson before it is opened: the lesson list and the router need only
 * its title, summary and step ids. The rest (prose, steps, server.js) is fetched when the lesson
 * is opened: see discover-lessons.ts.
 */
import type { Lesson, LessonProblem, ParsedLesson } from './parse-lesson.ts'

/** What the lesson list and the router need of a lesson. */
export interface LessonSummary {
  id: string
  number: number
  title: string
  summary: string
  steps: ReadonlyArray<{ id: string; title: string }>
}

export type LessonEntry =
  | {
      ok: true
      lesson: LessonSummary
      load: () => Promise<Lesson>
      /** The whole lesson, when it is in memory already: no fetch, nothing to wait for. */
      loaded?: Lesson
    }
  | { ok: false; id: string; problems: LessonProblem[] }

export function summarizeLesson(lesson: Lesson): LessonSummary {
  const { id, number, title, summary } = lesson
  return { id, number, title, summary, steps: lesson.steps.map(({ id, title }) => ({ id, title })) }
}

/** An entry for a lesson already in memory (tests, tools): loading it is immediate. */
export function lessonEntry(parsed: ParsedLesson): LessonEntry {
  if (!parsed.ok) return parsed
  const { lesson } = parsed
  return {
    ok: true,
    lesson: summarizeLesson(lesson),
    load: () => Promise.resolve(lesson),
    loaded: lesson,
  }
}

export function lessonIdOf(entry: LessonEntry): string {
  return entry.ok ? entry.lesson.id : entry.id
}
