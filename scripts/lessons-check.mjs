// npm run lessons:check — validates every lesson folder and prints every problem at once as
// `lessons/NN-slug/lesson.md:LINE: field: message`. Exits 1 if there is any.
import './support/typescript-imports.mjs'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const { parseLesson, formatProblem } = await import('../app/lesson-loader/parse-lesson.ts')
const { EXPLANATION_CODES } = await import('../mocks/server/explain/explanation-catalogue.ts')

const lessonsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'lessons')
const readIfPresent = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined)

const folders = readdirSync(lessonsDir)
  .filter((name) => statSync(path.join(lessonsDir, name)).isDirectory())
  .sort()
const problems = []
for (const folder of folders) {
  const parsed = parseLesson(
    {
      folder,
      markdown: readIfPresent(path.join(lessonsDir, folder, 'lesson.md')),
      serverSource: readIfPresent(path.join(lessonsDir, folder, 'server.js')),
    },
    { explanationCodes: EXPLANATION_CODES },
  )
  if (!parsed.ok) problems.push(...parsed.problems)
}
for (const problem of problems) console.error(formatProblem(problem))
console.log(
  `${folders.length} lessons checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length ? 1 : 0)
