import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Valid YAML, but no summary and a step without checks: the schema rejects it. */
const unparsableLesson = `---
title: Broken
steps:
  - id: visit
    title: Visit
    instructions: Visit.
    do:
      - visit: { profile: Alice, path: / }
---

# Broken
`

interface AssertionResult {
  title: string
  status: string
  failureMessages: string[]
}

describe('lint-replay on a lesson that does not parse', () => {
  let workDir: string
  let results: AssertionResult[]

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'lint-replay-broken-'))
    const folder = path.join(workDir, 'lessons', '01-broken')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'lesson.md'), unparsableLesson)
    await writeFile(path.join(folder, 'server.js'), "module.exports = require('express')()\n")
    const report = path.join(workDir, 'report.json')
    // The run is expected to fail; its report says how.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        'tests/lessons/lint-replay.test.ts',
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      {
        cwd: projectRoot,
        env: { ...process.env, LINT_REPLAY_LESSONS: path.join(workDir, 'lessons') },
      },
    ).catch(() => undefined)
    const parsed = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: Array<{ assertionResults: AssertionResult[] }>
    }
    results = parsed.testResults.flatMap((file) => file.assertionResults)
  }, 60_000)

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true })
  })

  it('fails every test of that lesson, the replay ones included', () => {
    expect(results.map(({ title, status }) => ({ title, status }))).toEqual([
      { title: 'is a valid lesson', status: 'failed' },
      { title: 'has a reference walkthrough for every step', status: 'failed' },
      {
        title: 'turns every step green by its walkthrough, and no step is green before it',
        status: 'failed',
      },
      {
        title: 'behaves the same on real Express in Node for its whole walkthrough',
        status: 'failed',
      },
    ])
  })

  it('says why the replay failed, with the parse problems', () => {
    for (const { failureMessages } of results.slice(1)) {
      expect(failureMessages.join('\n')).toContain(
        'lesson 01-broken does not parse, so it cannot be replayed',
      )
      expect(failureMessages.join('\n')).toContain('summary:')
    }
  })
})
