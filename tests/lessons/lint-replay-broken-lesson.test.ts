import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNestedVitest, type NestedTestResult } from '../support/run-nested-vitest'

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

describe('lint-replay on a lesson that does not parse', () => {
  let workDir: string
  let results: NestedTestResult[]

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'lint-replay-broken-'))
    const folder = path.join(workDir, 'lessons', '01-broken')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'lesson.md'), unparsableLesson)
    await writeFile(path.join(folder, 'server.js'), "module.exports = require('express')()\n")
    results = await runNestedVitest('tests/lessons/lint-replay.test.ts', {
      LINT_REPLAY_LESSONS: path.join(workDir, 'lessons'),
    })
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
