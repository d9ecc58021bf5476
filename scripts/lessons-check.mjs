// npm run lessons:check [-- FOLDER] — validates every lesson folder in FOLDER (default: the
// project's lessons/), starts each server.js in the simulated runtime, and prints every problem
// at once as `lessons/NN-slug/lesson.md:LINE: field: message` or
// `lessons/NN-slug/server.js:LINE:COL: SyntaxError: message`, the folder named relative to the
// current directory. Exits 1 if there is any problem, or if FOLDER is not a folder. Needs the
// realm and the Node API built (npm run build:realm, which the npm script runs first).
import './support/typescript-imports.mjs'
import { statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serverLoadProblems } from './support/load-lesson-servers.mjs'

const { readLessons } = await import('../app/lesson-loader/vite-plugin-lessons.ts')
const { formatProblem } = await import('../app/lesson-loader/lesson-problem.ts')

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const projectLessons = path.join(projectRoot, 'lessons')
const [folderArgument, ...extra] = process.argv.slice(2)
if (extra.length) {
  console.error('usage: npm run lessons:check [-- FOLDER]')
  process.exit(1)
}
const lessonsDir = folderArgument ? path.resolve(folderArgument) : projectLessons
if (!statSync(lessonsDir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`lessons:check: ${folderArgument} is not a folder`)
  process.exit(1)
}
// Names as an editor or a CI log can open them from here: `lessons/…` from the project root.
const shownAs = path.relative(process.cwd(), lessonsDir).split(path.sep).join('/') || '.'

const lessons = readLessons(lessonsDir, undefined, shownAs)
const folders = lessons.map((lesson) => (lesson.ok ? lesson.lesson.id : lesson.id))
let loadProblems
try {
  const api = path.join(projectRoot, 'build', 'server', 'api.js')
  loadProblems = await serverLoadProblems(lessonsDir, folders, shownAs, api)
} catch (error) {
  console.error(`lessons:check: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const problems = lessons.flatMap((lesson, index) => {
  const loadProblem = loadProblems.get(folders[index] ?? '')
  return [...(lesson.ok ? [] : lesson.problems), ...(loadProblem ? [loadProblem] : [])]
})
for (const problem of problems) console.error(formatProblem(problem))
console.log(
  `${lessons.length} lessons checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length ? 1 : 0)
