// npm run guide:check — checks that lessons/README.md, the authoring guide, documents the whole
// lesson format of app/lesson-loader/lesson-schema.ts: every lesson and step field in its table,
// every action and check kind in its table with all its fields named in its row, the check
// extras in the Checks section, and every field of a nested object (e.g. `withData.equals`)
// somewhere in the guide. Prints every omission at once and exits 1 if there is any.
import './support/typescript-imports.mjs'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const { ACTION_KINDS, CHECK_EXTRAS, CHECK_KINDS, lessonFrontmatterSchema, stepSchema } =
  await import('../app/lesson-loader/lesson-schema.ts')

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const guideName = 'lessons/README.md'
const guide = readFileSync(path.join(projectRoot, guideName), 'utf8')
const lines = guide.split('\n')

/** The lines of the section under `heading` (an exact heading line), up to the next heading. */
function section(heading) {
  const start = lines.indexOf(heading)
  if (start < 0) return undefined
  const level = /^#+/.exec(heading)[0].length
  const end = lines.findIndex(
    (line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)[0].length <= level,
  )
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

/** The first table of a section, as rows of cells keyed by the backticked name in cell one. */
function tableRows(sectionLines) {
  const rows = new Map()
  for (const line of sectionLines ?? []) {
    if (!line.startsWith('|')) {
      if (rows.size) break
      continue
    }
    const cells = line.split('|').slice(1, -1)
    const name = /^\s*`([^`]+)`\s*$/.exec(cells[0] ?? '')?.[1]
    if (name) rows.set(name, cells.slice(1).join('|'))
  }
  return rows
}

const named = (text, name) => text.includes(`\`${name}\``)

/** The fields of an object schema, through optional, default, nullable and pipe wrappers. */
function objectShapes(schema) {
  const def = schema.def
  if (def.type === 'object') return [schema.shape]
  if (def.type === 'union') return def.options.flatMap(objectShapes)
  if (def.innerType) return objectShapes(def.innerType)
  if (def.type === 'pipe') return objectShapes(def.in)
  return []
}

const problems = []

/** Nested objects' fields (not arrays: steps, actions and checks have tables of their own). */
function checkNested(owner, fieldSchema) {
  for (const shape of objectShapes(fieldSchema)) {
    for (const [field, schema] of Object.entries(shape)) {
      if (!named(guide, field)) problems.push(`${owner}.${field} is not named anywhere`)
      checkNested(`${owner}.${field}`, schema)
    }
  }
}

function checkFieldTable(heading, what, schema) {
  const rows = tableRows(section(heading))
  if (!rows.size) problems.push(`no table under "${heading}"`)
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    if (!rows.has(field)) problems.push(`${what} field \`${field}\` has no row under "${heading}"`)
    checkNested(`${what} field ${field}`, fieldSchema)
  }
}

function checkKindTable(heading, what, kinds) {
  const rows = tableRows(section(heading))
  if (!rows.size) problems.push(`no table under "${heading}"`)
  for (const [kind, schema] of Object.entries(kinds)) {
    const row = rows.get(kind)
    if (row === undefined) {
      problems.push(`${what} \`${kind}\` has no row under "${heading}"`)
      continue
    }
    for (const shape of objectShapes(schema)) {
      for (const [field, fieldSchema] of Object.entries(shape)) {
        if (!named(row, field))
          problems.push(`${what} \`${kind}\`: its row does not name \`${field}\``)
        checkNested(`${what} ${kind}.${field}`, fieldSchema)
      }
    }
  }
}

checkFieldTable('### Lesson fields', 'lesson', lessonFrontmatterSchema)
checkFieldTable('### Step fields', 'step', stepSchema)
checkKindTable('## Actions (`do`)', 'action', ACTION_KINDS)
checkKindTable('## Checks', 'check', CHECK_KINDS)
const checksSection = (section('## Checks') ?? []).join('\n')
for (const extra of Object.keys(CHECK_EXTRAS)) {
  if (!named(checksSection, extra))
    problems.push(`check extra \`${extra}\` is not named under "## Checks"`)
}

for (const problem of problems) console.error(`${guideName}: ${problem}`)
console.log(
  `${guideName} checked against the lesson schema, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length ? 1 : 0)
