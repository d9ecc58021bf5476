import { describe, expect, it } from 'vitest'
import { formatProblem } from './lesson-problem'
import { parseLesson } from './parse-lesson'

const server = "const express = require('express')\nmodule.exports = express()\n"

/** The problems `lessons:check` prints for a lesson.md whose frontmatter is `lines` (from line 2). */
function problemsFor(lines: string[]): string[] {
  const parsed = parseLesson({
    folder: '14-mistakes',
    markdown: `---\n${lines.join('\n')}\n---\n# Mistakes\n`,
    serverSource: server,
  })
  return parsed.ok ? [] : parsed.problems.map(formatProblem)
}

const head = ['title: Mistakes', 'summary: Deliberate ones.', 'steps:', '  - id: visit'] // lines 2-5
const file = 'lessons/14-mistakes/lesson.md'

describe('lesson problems point at the offending key or token', () => {
  it('an unrecognized key, at the key rather than the object around it', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    colour: red', // line 8
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
      ]),
    ).toEqual([`${file}:8: steps[0]: Unrecognized key: "colour"`])
  })

  it('an unrecognized key deep in an action, and one beside a check kind', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    do:',
        '      - visit:',
        '          profile: Alice',
        '          path: /',
        '          colour: red', // line 12
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
        '        colour: red', // line 15
      ]),
    ).toEqual([
      `${file}:12: steps[0].do[0].visit: Unrecognized key: "colour"`,
      `${file}:15: steps[0].checks[0]: Unrecognized key: "colour"`,
    ])
  })

  it('an unrecognized key whose value is a block, at the key', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    colours:', // line 8
        '      - red',
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
      ]),
    ).toEqual([`${file}:8: steps[0]: Unrecognized key: "colours"`])
  })

  it('a hint at step level, at the hint, saying where it belongs', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
        '    hint: Open / first.', // line 10
      ]),
    ).toEqual([
      `${file}:10: steps[0]: Unrecognized key: "hint": a hint belongs to a check, indented under its entry in checks`,
    ])
  })

  it('an unknown check kind after a label, and a second kind, at that key', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    checks:',
        '      - label: Alice has a cookie',
        '        jra: { profile: Alice, cookie: connect.sid }', // line 10
        '      - jar: { profile: Alice, cookie: connect.sid }',
        '        store: { sessions: 1 }', // line 12
      ]),
    ).toEqual([
      `${file}:10: steps[0].checks[0]: unknown check "jra"; use exactly one of: jar, store, response, explanation, sessionId, console, page`,
      `${file}:12: steps[0].checks[1]: 2 check kinds in one entry; use exactly one of: jar, store, response, explanation, sessionId, console, page`,
    ])
  })

  it('a wrong value given as a block, at its key', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions:', // line 7
        '      - Go.',
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
      ]),
    ).toEqual([`${file}:7: steps[0].instructions: Invalid input: expected string, received array`])
  })

  it('a flow map left open, at its brace rather than the line after', () => {
    expect(
      problemsFor([
        ...head,
        '    title: Visit',
        '    instructions: Go.',
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid', // line 9
        '        hint: Open / first.',
      ]),
    ).toEqual([
      `${file}:9: frontmatter: Flow map in block collection must be sufficiently indented and end with a }`,
    ])
  })

  it('a flow sequence left open on the last line, at its bracket', () => {
    expect(problemsFor(['title: [Mistakes', 'summary: x'])).toEqual([
      `${file}:2: frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ])
  })

  it.each([
    ['"', 'Missing closing "quote'],
    ["'", "Missing closing 'quote"],
  ])('a %s quote left open, at the quote rather than the end of the text', (quote, message) => {
    expect(
      problemsFor([
        ...head,
        `    title: ${quote}Visit`, // line 6
        '    instructions: Go.',
        '    checks:',
        '      - jar: { profile: Alice, cookie: connect.sid }',
      ]),
    ).toEqual([`${file}:6: frontmatter: ${message}`])
  })

  it('keeps the line of errors the YAML parser already places right', () => {
    expect(
      problemsFor(['title: Mistakes', 'summary: Deliberate: ones.', 'steps: []']), // line 3
    ).toEqual([`${file}:3: frontmatter: Nested mappings are not allowed in compact mappings`])
  })
})
