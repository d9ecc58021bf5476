/**
 * Parses the lessons when the site is built (or served by Vite), so the browser gets ready
 * lesson objects — or a broken lesson's problems — without shipping the YAML parser and the
 * schema. `virtual:lessons` exports the same ParsedLesson[] that parseLesson returns.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { parseLesson, type ParsedLesson } from './parse-lesson.ts'
import { EXPLANATION_CODES } from '../../mocks/server/explain/explanation-catalogue.ts'

const VIRTUAL_ID = 'virtual:lessons'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

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
  return readdirSync(lessonsDir, { withFileTypes: true })
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
        { explanationCodes: EXPLANATION_CODES, lessonsPath: shownAs },
      ),
    )
}

export function lessonsPlugin(lessonsDir: string): Plugin {
  return {
    name: 'session-playground:lessons',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      this.addWatchFile(lessonsDir)
      const lessons = readLessons(lessonsDir, (file) => this.addWatchFile(file))
      return `export default ${JSON.stringify(lessons)}`
    },
  }
}
