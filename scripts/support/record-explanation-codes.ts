// A vitest setup file that only `npm run explanations:check` loads: it listens for the codes the
// explanation specs report through `produced` (tests/support/explanation-specs.ts) and, when a
// spec file is done, writes them to a file of its own in the folder the check names.
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'

const folder = process.env.EXPLANATION_CODES_DIR
if (!folder) throw new Error('EXPLANATION_CODES_DIR is not set: run `npm run explanations:check`')

const codes = new Set<string>()
Object.assign(globalThis, {
  recordProducedExplanations(produced: readonly string[]) {
    for (const code of produced) codes.add(code)
  },
})

afterAll(() => {
  writeFileSync(path.join(folder, `${randomUUID()}.txt`), [...codes].join('\n'))
})
