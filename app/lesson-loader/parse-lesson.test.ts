import { describe, expect, it } from 'vitest'
import { formatProblem } from './lesson-problem'
import { parseLesson } from './parse-lesson'

const server = "const express = require('express')\nmodule.exports = express()\n"

function lesson(frontmatter: string, body = '# Hello\n'): string {
  return `---\n${frontmatter}\n---\n${body}`
}

const valid = `title: First session
summary: A visit counter.
steps:
  - id: visit
    title: Visit the counter
    instructions: Visit \`/\` as Alice.
    do:
      - visit: { profile: Alice, path: / }
    checks:
      - jar: { profile: Alice, cookie: connect.sid, httpOnly: true }
        hint: Did you visit /?`

describe('parseLesson', () => {
  it('reads a valid lesson with defaults filled in', () => {
    const parsed = parseLesson({
      folder: '01-first-session',
      markdown: lesson(valid),
      serverSource: server,
    })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.lesson).toMatchObject({
      id: '01-first-session',
      number: 1,
      editable: true,
      proseHtml: '<h3>Hello</h3>\n',
      takeawayHtml: undefined,
      serverSource: server,
    })
    expect(parsed.lesson.steps[0]?.instructionsHtml).toBe('<p>Visit <code>/</code> as Alice.</p>\n')
    expect(parsed.lesson.steps[0]?.checks[0]).toEqual({
      jar: { profile: 'Alice', cookie: 'connect.sid', httpOnly: true, present: true },
      hint: 'Did you visit /?',
    })
  })

  it('renders the prose without a heading that repeats the title, and its takeaway', () => {
    const parsed = parseLesson({
      folder: '01-first-session',
      markdown: lesson(valid, '# First session\n\nIntro.\n\n**Takeaway:** ids in cookies.\n'),
      serverSource: server,
    })
    expect(parsed.ok && parsed.lesson.proseHtml).toBe(
      '<p>Intro.</p>\n<p><strong>Takeaway:</strong> ids in cookies.</p>\n',
    )
    expect(parsed.ok && parsed.lesson.takeawayHtml).toBe(
      '<p><strong>Takeaway:</strong> ids in cookies.</p>\n',
    )
  })

  it('reports every problem at once, each with file, line and field', () => {
    const broken = `title: First session
steps:
  - id: Visit Counter
    title: Visit
    instructions: Go.
    do:
      - visit: { profile: Carol, path: / }
      - teleport: { to: mars }
    checks:
      - jar: { profile: Alice }
      - store: { sessions: -1 }`
    const parsed = parseLesson({
      folder: '01-first-session',
      markdown: lesson(broken),
      serverSource: server,
    })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.map(formatProblem)).toEqual([
      'lessons/01-first-session/lesson.md:2: summary: Invalid input: expected string, received undefined',
      'lessons/01-first-session/lesson.md:4: steps[0].id: use lowercase letters, digits and dashes',
      'lessons/01-first-session/lesson.md:8: steps[0].do[0].visit.profile: Invalid option: expected one of "Alice"|"Bob"|"Attacker"',
      'lessons/01-first-session/lesson.md:9: steps[0].do[1]: unknown action "teleport"; use exactly one of: visit, submit, advanceClock, restartServer, copyCookie, setCookie, deleteCookie, closeBrowser, tamperCookie, browser, store, editCode',
      'lessons/01-first-session/lesson.md:11: steps[0].checks[0].jar.cookie: Invalid input: expected string, received undefined',
      'lessons/01-first-session/lesson.md:12: steps[0].checks[1].store.sessions: Too small: expected number to be >=0',
    ])
  })

  it('reports YAML syntax errors at their line', () => {
    const parsed = parseLesson({
      folder: '02-x',
      markdown: lesson('title: [unclosed\nsummary: x'),
      serverSource: server,
    })
    // The bracket left open, not the line where the YAML parser gave up.
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({
      file: 'lessons/02-x/lesson.md',
      line: 2,
      field: 'frontmatter',
    })
  })

  it.each([
    [{ folder: 'first', markdown: lesson(valid), serverSource: server }, 'folder'],
    [{ folder: '01-a', markdown: undefined, serverSource: server }, 'lesson.md'],
    [{ folder: '01-a', markdown: lesson(valid), serverSource: undefined }, 'server.js'],
    [{ folder: '01-a', markdown: '# no frontmatter', serverSource: server }, 'frontmatter'],
  ])('reports a missing piece of the lesson folder (%#)', (files, field) => {
    const parsed = parseLesson(files)
    expect(!parsed.ok && parsed.problems.map((problem) => problem.field)).toContain(field)
  })

  it('checks editCode replacements against server.js and explanation codes against the engine', () => {
    const frontmatter = `title: T
summary: S
steps:
  - id: fix
    title: Fix it
    instructions: Fix.
    do:
      - editCode: { replace: "not in the file", with: "x" }
    checks:
      - explanation: { code: no-such-code }
  - id: fix
    title: Again
    instructions: Again.
    checks:
      - console: { includes: listening }`
    const parsed = parseLesson(
      { folder: '05-fix', markdown: lesson(frontmatter), serverSource: server },
      { explanationTitles: { 'session-loaded': 'the cookie loaded its session' } },
    )
    expect(!parsed.ok && parsed.problems.map(formatProblem)).toEqual([
      'lessons/05-fix/lesson.md:9: steps[0].do[0].editCode.replace: must occur exactly once in server.js as the earlier steps leave it (found 0)',
      'lessons/05-fix/lesson.md:11: steps[0].checks[0].explanation.code: unknown explanation code "no-such-code"',
      'lessons/05-fix/lesson.md:12: steps[1].id: step id "fix" is used twice',
    ])
  })

  it('reports format and semantic problems in the same run, in file order', () => {
    const frontmatter = `title: T
steps:
  - id: fix
    title: Fix it
    instructions: Fix.
    do:
      - editCode: { replace: "not in the file", with: "x" }
      - visit: { profile: Carol, path: / }
      - tamperCookie: { profile: Alice, name: connect.sid, how: resign }
    checks:
      - explanation: { code: no-such-code }
      - jar: { profile: Alice }
  - id: fix
    title: Again
    instructions: Again.
    checks: []`
    const parsed = parseLesson(
      { folder: '05-fix', markdown: lesson(frontmatter), serverSource: server },
      { explanationTitles: { 'session-loaded': 'the cookie loaded its session' } },
    )
    expect(!parsed.ok && parsed.problems.map(formatProblem)).toEqual([
      'lessons/05-fix/lesson.md:2: summary: Invalid input: expected string, received undefined',
      'lessons/05-fix/lesson.md:8: steps[0].do[0].editCode.replace: must occur exactly once in server.js as the earlier steps leave it (found 0)',
      'lessons/05-fix/lesson.md:9: steps[0].do[1].visit.profile: Invalid option: expected one of "Alice"|"Bob"|"Attacker"',
      'lessons/05-fix/lesson.md:10: steps[0].do[2].tamperCookie.secret: resign needs a secret',
      'lessons/05-fix/lesson.md:12: steps[0].checks[0].explanation.code: unknown explanation code "no-such-code"',
      'lessons/05-fix/lesson.md:13: steps[0].checks[1].jar.cookie: Invalid input: expected string, received undefined',
      'lessons/05-fix/lesson.md:14: steps[1].id: step id "fix" is used twice',
      'lessons/05-fix/lesson.md:17: steps[1].checks: a step needs at least one check',
    ])
  })

  it('checks later edits against the code the readable earlier ones leave', () => {
    const frontmatter = `title: T
summary: S
steps:
  - id: edit
    title: Edit
    instructions: Edit.
    do:
      - editCode: { replace: "module.exports = express()", with: "const app = express()" }
      - editCode: { replace: 42 }
      - editCode: { replace: "const app = express()", with: "module.exports = express()" }
      - editCode: { replace: "const app = express()", with: "again" }
    checks:
      - console: { includes: listening }`
    const parsed = parseLesson({
      folder: '05-fix',
      markdown: lesson(frontmatter),
      serverSource: server,
    })
    expect(!parsed.ok && parsed.problems.map((problem) => problem.field)).toEqual([
      'steps[0].do[1].editCode.replace',
      'steps[0].do[1].editCode.with',
      'steps[0].do[3].editCode.replace',
    ])
  })

  describe('editable', () => {
    const marked = `const session = require('express-session')
app.use(
  session({
    // ▼ edit these options
    secret: 'keyboard cat',
    resave: false,
    // ▲
  }),
)
`
    const withEdit = (editable: string, replace: string) => `title: T
summary: S
editable: ${editable}
steps:
  - id: edit
    title: Edit
    instructions: Edit.
    do:
      - editCode: { replace: "${replace}", with: "x" }
    checks:
      - console: { includes: listening }`
    const parse = (frontmatter: string) =>
      parseLesson({ folder: '05-fix', markdown: lesson(frontmatter), serverSource: marked })

    it('reads the markers of the editable lines', () => {
      const parsed = parse(withEdit('{ from: "// ▼", to: "// ▲" }', 'resave: false'))
      expect(parsed.ok && parsed.lesson.editable).toEqual({ from: '// ▼', to: '// ▲' })
    })

    it.each([
      [
        'an edit outside the editable lines',
        '{ from: "// ▼", to: "// ▲" }',
        'app.use(',
        'lessons/05-fix/lesson.md:10: steps[0].do[0].editCode.replace: changes code outside the editable lines (between "// ▼" and "// ▲")',
      ],
      [
        'an edit of a read-only server.js',
        'false',
        'resave: false',
        'lessons/05-fix/lesson.md:10: steps[0].do[0].editCode.replace: server.js is read-only in this lesson (editable: false), so no step can edit it',
      ],
      [
        'markers that are not in server.js',
        '{ from: "// start", to: "// ▲" }',
        'resave: false',
        'lessons/05-fix/lesson.md:4: editable: marks no lines of server.js: it needs a line holding "// start" and, after it, a line holding "// ▲"',
      ],
    ])('reports %s', (_case, editable, replace, problem) => {
      const parsed = parse(withEdit(editable, replace))
      expect(!parsed.ok && parsed.problems.map(formatProblem)).toEqual([problem])
    })
  })

  describe('explanation check labels', () => {
    const titles = { 'session-loaded': 'the signed cookie loaded its session from the store' }
    const withChecks = (checks: string) => `title: T
summary: S.
steps:
  - id: visit
    title: Visit
    instructions: Visit.
    do:
      - visit: { profile: Alice, path: / }
    checks:
${checks}`

    it('labels an unlabelled explanation check with the title of its code, in words', () => {
      const parsed = parseLesson(
        {
          folder: '05-why',
          markdown: lesson(
            withChecks(`      - explanation: { profile: Alice, code: session-loaded }
      - explanation: { profile: Alice, path: /, code: session-loaded, present: false }`),
          ),
          serverSource: server,
        },
        { explanationTitles: titles },
      )
      const labels = parsed.ok ? parsed.lesson.steps[0]?.checks.map((check) => check.label) : []
      expect(labels).toEqual([
        "On Alice's last request: the signed cookie loaded its session from the store",
        "Not on Alice's last request to /: the signed cookie loaded its session from the store",
      ])
    })

    it('keeps a label the lesson gives', () => {
      const parsed = parseLesson(
        {
          folder: '05-why',
          markdown: lesson(
            withChecks(`      - explanation: { profile: Alice, code: session-loaded }
        label: Alice is recognised`),
          ),
          serverSource: server,
        },
        { explanationTitles: titles },
      )
      expect(parsed.ok && parsed.lesson.steps[0]?.checks[0]?.label).toBe('Alice is recognised')
    })

    it('reports a label that is a bare explanation code', () => {
      const parsed = parseLesson(
        {
          folder: '05-why',
          markdown: lesson(
            withChecks(`      - page: { profile: Alice, includes: Hello }
        label: session-loaded`),
          ),
          serverSource: server,
        },
        { explanationTitles: titles },
      )
      expect(!parsed.ok && parsed.problems.map(formatProblem)).toEqual([
        'lessons/05-why/lesson.md:12: steps[0].checks[0].label: "session-loaded" is an internal explanation code: say in words what the learner should see',
      ])
    })
  })
})
