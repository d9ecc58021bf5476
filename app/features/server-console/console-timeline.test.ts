import { describe, expect, it } from 'vitest'
import type { Explanation } from '../../../mocks/server'
import type { ConsoleLine } from '../../state/activity-slice'
import {
  buildTimeline,
  formatClockTime,
  formatLocation,
  sourceLocationOf,
  splitFirstLine,
  type TimelineItem,
} from './console-timeline'
import { splitInlineCode } from '../../shared/explanation-text'
import { loginExchange } from '../../../tests/support/jar-fixtures'

function line(id: number, text: string, requestId?: number): ConsoleLine {
  return { id, kind: 'log', text, time: 0, requestId, location: undefined }
}

function why(sentence: string): Explanation {
  return { code: 'test', level: 'info', sentence }
}

const login = loginExchange

function outline(items: TimelineItem[]): string[] {
  return items.map((item) =>
    item.kind === 'line'
      ? item.line.text
      : `${item.title} [${item.lines.map((l) => l.text).join(', ')}] ${item.explanations.map((e) => e.sentence).join(' ')}`,
  )
}

describe('buildTimeline', () => {
  it('groups a request’s lines with its reasons, where it first printed', () => {
    const items = buildTimeline(
      [line(1, 'Listening'), line(2, 'in login', 1), line(3, 'tick'), line(4, 'still login', 1)],
      { 1: [why('Saved.')] },
      { 1: 4 },
      [login],
    )
    expect(outline(items)).toEqual([
      'Listening',
      '#1 POST /login → 302 [in login, still login] Saved.',
      'tick',
    ])
  })

  it('places a silent request where its explanations arrived, newest last', () => {
    const items = buildTimeline(
      [line(1, 'Listening'), line(2, 'restarted')],
      { 2: [why('Second.')], 1: [why('First.')] },
      { 1: 1, 2: 2 },
      [],
    )
    expect(outline(items)).toEqual(['Listening', '#1 [] First.', 'restarted', '#2 [] Second.'])
  })

  it('skips a request with nothing to say', () => {
    expect(buildTimeline([], { 1: [] }, { 1: 0 }, [])).toEqual([])
  })
})

describe('sourceLocationOf', () => {
  it('prefers the location the engine reported', () => {
    const location = { file: 'server.js', line: 2, column: 7 }
    expect(sourceLocationOf({ text: 'at server.js:9:9', location })).toBe(location)
  })

  it.each([
    [
      'a stack frame',
      'Error: boom\n    at eval (server.js:7:41)\n    at x (/abs/realm.js:1:2)',
      'server.js:7:41',
    ],
    [
      'a deprecation',
      'express-session deprecated undefined resave option at server.js:4:9',
      'server.js:4:9',
    ],
    ['a bare frame', '    at server.js:3:1', 'server.js:3:1'],
  ])('reads the learner’s code location from %s', (_, text, expected) => {
    const location = sourceLocationOf({ text, location: undefined })
    expect(location && formatLocation(location)).toBe(expected)
  })

  it.each([
    ['realm frames with paths', 'at Layer.handle (/srv/build/realm/realm.js:1:2)'],
    ['realm frames with URLs', 'at next (http://localhost/assets/realm.js:3:4)'],
    ['plain text', 'Listening on http://localhost:3000'],
  ])('finds nothing in %s', (_, text) => {
    expect(sourceLocationOf({ text, location: undefined })).toBeUndefined()
  })
})

describe('formatLocation', () => {
  it('drops folders from the file name', () => {
    expect(formatLocation({ file: 'lessons/01/server.js', line: 3, column: 5 })).toBe(
      'server.js:3:5',
    )
  })
})

describe('splitFirstLine', () => {
  it.each([
    ['one line', { first: 'one line', rest: undefined }],
    ['Error: x\n  at a\n  at b', { first: 'Error: x', rest: '  at a\n  at b' }],
    ['trailing\n', { first: 'trailing', rest: undefined }],
  ])('splits %j', (text, parts) => expect(splitFirstLine(text)).toEqual(parts))
})

describe('formatClockTime', () => {
  it('writes the UTC time of day', () => {
    expect(formatClockTime(Date.parse('2026-11-23T19:09:45.123Z'))).toBe('19:09:45')
  })
})

describe('splitInlineCode', () => {
  it('turns backticked spans into code', () => {
    expect(splitInlineCode('`a` and `b`')).toEqual([
      { code: true, text: 'a' },
      { code: false, text: ' and ' },
      { code: true, text: 'b' },
    ])
  })
})
