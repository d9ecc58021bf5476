// npm run lessons:check — validates every lesson folder and prints every problem at once as
// `lessons/NN-slug/lesson.md:LINE: field: message`. Exits 1 if there is any.
import './support/typescript-imports.mjs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const { readLessons } = await import('../app/lesson-loader/vite-plugin-lessons.ts')
const { formatProblem } = await import('../app/lesson-loader/lesson-problem.ts')

const lessons = readLessons(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'lessons'),
)
const problems = lessons.flatMap((lesson) => (lesson.ok ? [] : lesson.problems))
for (const problem of problems) console.error(formatProblem(problem))
console.log(
  `${lessons.length} lessons checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length ? 1 : 0)
