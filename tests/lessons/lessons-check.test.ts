import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const script = path.join(projectRoot, 'scripts', 'lessons-check.mjs')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `node scripts/lessons-check.mjs …args` from `cwd`, as `npm run lessons:check` does. */
async function runLessonsCheck(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      cwd,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

const server = "const express = require('express')\nmodule.exports = express()\n"

// Format problems (lines 2 and 11) between semantic ones (lines 8, 10 and 12), which the
// schema alone cannot find.
const brokenLesson = `---
title: Broken
steps:
  - id: fix
    title: Fix it
    instructions: Fix.
    do:
      - editCode: { replace: "not in the file", with: "x" }
    checks:
      - explanation: { code: no-such-code }
      - page: { profile: Carol, includes: x }
  - id: fix
    title: Again
    instructions: Again.
    do:
      - visit: { profile: Alice, path: / }
    checks:
      - console: { includes: listening }
---

# Broken
`

const validLesson = `---
title: Fine
summary: Nothing wrong here.
steps:
  - id: visit
    title: Visit
    instructions: Visit.
    do:
      - visit: { profile: Alice, path: / }
    checks:
      - page: { profile: Alice, includes: Hello }
---

# Fine
`

describe('npm run lessons:check', () => {
  let workDir: string

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'lessons-check-'))
    for (const [folder, markdown] of [
      ['01-fine', validLesson],
      ['02-broken', brokenLesson],
    ] as const) {
      await mkdir(path.join(workDir, 'lessons', folder), { recursive: true })
      await writeFile(path.join(workDir, 'lessons', folder, 'lesson.md'), markdown)
      await writeFile(path.join(workDir, 'lessons', folder, 'server.js'), server)
    }
  })

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true })
  })

  describe('when a lesson in the folder has format and semantic problems', () => {
    it('prints all of them in one run as file:line: field: message, and exits 1', async () => {
      const run = await runLessonsCheck(workDir, 'lessons')
      expect(run.stderr.trim().split('\n')).toEqual([
        'lessons/02-broken/lesson.md:2: summary: Invalid input: expected string, received undefined',
        'lessons/02-broken/lesson.md:8: steps[0].do[0].editCode.replace: must occur exactly once in server.js as the earlier steps leave it (found 0)',
        'lessons/02-broken/lesson.md:10: steps[0].checks[0].explanation.code: unknown explanation code "no-such-code"',
        'lessons/02-broken/lesson.md:11: steps[0].checks[1].page.profile: Invalid option: expected one of "Alice"|"Bob"|"Attacker"',
        'lessons/02-broken/lesson.md:12: steps[1].id: step id "fix" is used twice',
      ])
      expect(run.stdout).toContain('2 lessons checked, 5 problems')
      expect(run.code).toBe(1)
    })

    it('names the folder relative to the current directory', async () => {
      const run = await runLessonsCheck(path.join(workDir, 'lessons'), '.')
      expect(run.stderr).toMatch(/^\.\/02-broken\/lesson\.md:2: summary: /)
    })
  })

  describe('when a server.js does not start, or two lessons share a number', () => {
    let brokenDir: string

    beforeAll(async () => {
      brokenDir = await mkdtemp(path.join(tmpdir(), 'lessons-check-servers-'))
      const lessons: [folder: string, server: string][] = [
        ['01-fine', server],
        // The route's brace is never closed: Node says so at the end of the file.
        [
          '02-unclosed',
          "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => {\n  res.send('hi')\n\napp.listen(3000)\n",
        ],
        [
          '03-throws',
          "const express = require('express')\nconst app = express()\n  app.use(sesion())\napp.listen(3000)\n",
        ],
        [
          '04-listen-callback-throws',
          "const express = require('express')\nconst app = express()\napp.listen(3000, () => {\n  throw new Error('no port')\n})\n",
        ],
        ['14-a', server],
        ['14-b', server],
      ]
      for (const [folder, source] of lessons) {
        await mkdir(path.join(brokenDir, 'lessons', folder), { recursive: true })
        await writeFile(path.join(brokenDir, 'lessons', folder, 'lesson.md'), validLesson)
        await writeFile(path.join(brokenDir, 'lessons', folder, 'server.js'), source)
      }
    })

    afterAll(async () => {
      await rm(brokenDir, { recursive: true, force: true })
    })

    it('reports each as file:line:col: the error Node would print, and each shared number', async () => {
      const run = await runLessonsCheck(brokenDir, 'lessons')
      expect(run.stderr.trim().split('\n')).toEqual([
        'lessons/02-unclosed/server.js:7:1: SyntaxError: Unexpected end of input',
        // Node's own frame for this line points at the call, `use`, as well.
        'lessons/03-throws/server.js:3:7: ReferenceError: sesion is not defined',
        'lessons/04-listen-callback-throws/server.js:4:9: Error: no port',
        'lessons/14-a:1: folder: lesson number 14 is also used by 14-b; give each lesson its own number',
        'lessons/14-b:1: folder: lesson number 14 is also used by 14-a; give each lesson its own number',
      ])
      expect(run.stdout).toContain('6 lessons checked, 5 problems')
      expect(run.code).toBe(1)
    })
  })

  it('exits 1 when the folder does not exist', async () => {
    const run = await runLessonsCheck(workDir, 'no-such-folder')
    expect(run.stderr).toContain('no-such-folder is not a folder')
    expect(run.code).toBe(1)
  })

  it("passes the project's own lessons with exit code 0", async () => {
    const run = await runLessonsCheck(projectRoot)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^\d+ lessons checked, 0 problems$/m)
    expect(run.code).toBe(0)
  })
})
