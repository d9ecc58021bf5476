/**
 * Parses the lessons when the site is built (or served by Vite), so the browser gets ready
 * lesson objects — or a broken lesson's problems — without shipping the YAML parser, the schema
 * or a Markdown parser. `virtual:lessons` exports a LessonEntry per folder (discover-lessons.ts):
 * a summary for the list, and a `load()` that imports `virtual:lesson/<id>`, the whole lesson,
 * as a chunk of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { parseLesson, type ParsedLesson } from './parse-lesson.ts'
import { summarizeLesson } from './lesson-summary.ts'
import { rejectSharedNumbers } from './lesson-numbers.ts'
// The catalogue module itself, not the server's door: Vite loads this plugin with its config, and
// the door would bring the whole host with it (lint allows this one file this one import).
import { explanationTitles } from '../../mocks/server/explain/explanation-catalogue.ts'

const VIRTUAL_ID = 'virtual:lessons'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const LESSON_PREFIX = 'virtual:lesson/'
const RESOLVED_LESSON_PREFIX = `\0${LESSON_PREFIX}`

/**
 * Parses every lesson folder in `lessonsDir`, in name order. `shownAs` is how problem reports
 * name that folder (`lessons/NN-slug/lesson.md:LINE: …`).
 */
export function readLessons(
  lessonsDir: string,
  watch: (file: string) => void = () => {},
  shownAs = 'lessons',
): ParsedLesson[] {
  const read = (file: string) => {
    watch(file)
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined
  }
  const lessons = readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((folder) =>
      parseLesson(
        {
          folder,
          markdown: read(join(lessonsDir, folder, 'lesson.md')),
          serverSource: read(join(lessonsDir, folder, 'server.js')),
        },
        { explanationTitles: explanationTitles(), lessonsPath: shownAs },
      ),
    )
  return rejectSharedNumbers(lessons, shownAs)
}

export function lessonsPlugin(lessonsDir: string): Plugin {
  // Parsed once per build (the index and every lesson chunk read the same), again on a change.
  let parsed: ParsedLesson[] | undefined
  const read = (watch: (file: string) => void) => {
    watch(lessonsDir)
    parsed ??= readLessons(lessonsDir, watch)
    return parsed
  }
  return {
    name: 'session-playground:lessons',
    buildStart() {
      parsed = undefined
    },
    watchChange() {
      parsed = undefined
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID
      if (id.startsWith(LESSON_PREFIX)) return `\0${id}`
      return undefined
    },
    load(id) {
      const watch = (file: string) => this.addWatchFile(file)
      if (id === RESOLVED_ID) {
        const entries = read(watch).map((lesson) =>
          lesson.ok
            ? `{ ok: true, lesson: ${JSON.stringify(summarizeLesson(lesson.lesson))}, load: () => import(${JSON.stringify(LESSON_PREFIX + lesson.lesson.id)}).then((module) => module.default) }`
            : JSON.stringify(lesson),
        )
        return `export default [\n${entries.join(',\n')}\n]`
      }
      if (id.startsWith(RESOLVED_LESSON_PREFIX)) {
        const lessonId = id.slice(RESOLVED_LESSON_PREFIX.length)
        for (const file of ['lesson.md', 'server.js']) watch(join(lessonsDir, lessonId, file))
        const found = read(watch).find(
          (candidate) => candidate.ok && candidate.lesson.id === lessonId,
        )
        if (!found?.ok) throw new Error(`no lesson ${lessonId} under ${lessonsDir}`)
        return `export default ${JSON.stringify(found.lesson)}`
      }
      return undefined
    },
  }
}
