/**
 * Lessons for specs: the real lessons read from lessons/ and parsed as discoverLessons() would,
 * and the lesson panel rendered on a harness Playground in StrictMode, as main.tsx does.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { StrictMode } from 'react'
import { render, type RenderResult } from '@testing-library/react'
import { explanationTitles } from '../../mocks/server'
import {
  parseLesson,
  type Lesson,
  type LessonFiles,
  type ParsedLesson,
} from '../../app/lesson-loader/parse-lesson'
import type { Playground } from '../../app/playground/playground'
import { PlaygroundProvider } from '../../app/playground/playground-context'
import { LessonPanel } from '../../app/features/lesson-player/LessonPanel'
import { lessonEntry, type LessonEntry } from '../../app/lesson-loader/lesson-summary'
import { loginServerSource } from './playground-harness'

const root = join(import.meta.dirname, '../..')
export function parseFixture(files: LessonFiles): ParsedLesson {
  return parseLesson(files, { explanationTitles: explanationTitles() })
}

/** A lesson folder under lessons/, parsed as discoverLessons() would. */
export function readLesson(folder: string): ParsedLesson {
  const read = (file: string) => readFileSync(join(root, 'lessons', folder, file), 'utf8')
  return parseFixture({ folder, markdown: read('lesson.md'), serverSource: read('server.js') })
}

export function okLesson(parsed: ParsedLesson): Lesson {
  if (!parsed.ok) throw new Error(`lesson ${parsed.id} does not parse`)
  return parsed.lesson
}

export const firstSession = okLesson(readLesson('01-first-session'))

/**
 * Goes to `hash` (as a typed or followed link would), then renders the lesson panel in
 * StrictMode, as main.tsx does: effects run twice, and must not load the server twice.
 */
export function renderPanel(
  playground: Playground,
  hash: string,
  lessons: ReadonlyArray<ParsedLesson | LessonEntry> = [{ ok: true, lesson: firstSession }],
): RenderResult {
  window.history.replaceState(null, '', hash)
  return render(
    <StrictMode>
      <PlaygroundProvider playground={playground}>
        <LessonPanel
          lessons={lessons.map((lesson) => ('load' in lesson ? lesson : lessonEntry(lesson)))}
          freePlaySource={loginServerSource}
        />
      </PlaygroundProvider>
    </StrictMode>,
  )
}
