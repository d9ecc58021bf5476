// npm run explanations:check — proves that every explanation in the catalogue is produced by a
// spec: it runs the explanation specs (mocks/server/explain) with a recorder that collects the
// codes their requests really produced, then lists every catalogue code no spec produced. It also
// lists catalogue entries whose code is not kebab-case or whose template is not one sentence.
// Exits 1 if a spec fails or anything is listed. Needs the realm bundle (`npm run build`).
import './support/typescript-imports.mjs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startVitest } from 'vitest/node'

const { EXPLANATION_CATALOGUE, EXPLANATION_CODES } =
  await import('../mocks/server/explain/explanation-catalogue.ts')

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const folder = await mkdtemp(path.join(tmpdir(), 'explanation-codes-'))
process.env.EXPLANATION_CODES_DIR = folder

const problems = []
try {
  const vitest = await startVitest(['mocks/server/explain'], {
    root: projectRoot,
    run: true,
    watch: false,
    reporters: ['minimal'],
    // Given here, setupFiles replaces vitest.config.ts's list instead of adding to it.
    setupFiles: [
      path.join(projectRoot, 'tests/support/fail-on-listener-errors.ts'),
      path.join(projectRoot, 'scripts/support/record-explanation-codes.ts'),
    ],
  })
  await vitest.close()
  if (process.exitCode) problems.push('the explanation specs failed (see above)')

  const producedCodes = new Set()
  for (const file of await readdir(folder)) {
    const text = await readFile(path.join(folder, file), 'utf8')
    for (const code of text.split('\n')) if (code) producedCodes.add(code)
  }
  for (const code of EXPLANATION_CODES) {
    if (!producedCodes.has(code))
      problems.push(`${code}: no spec in mocks/server/explain produces it`)
    if (!/^[a-z]+(-[a-z]+)*$/.test(code)) problems.push(`${code}: the code is not kebab-case`)
    const { template } = EXPLANATION_CATALOGUE[code]
    if (!/^[^\s].*[.]$/.test(template) || /[.!?] [A-Z]/.test(template)) {
      problems.push(`${code}: the template is not one sentence ending in a full stop`)
    }
  }
  for (const code of producedCodes) {
    if (!EXPLANATION_CODES.includes(code))
      problems.push(`${code}: produced, but not in the catalogue`)
  }
} finally {
  await rm(folder, { recursive: true, force: true })
}

for (const problem of problems) console.error(`explanations:check: ${problem}`)
console.log(
  `${EXPLANATION_CODES.length} explanation codes checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
)
process.exit(problems.length ? 1 : 0)
