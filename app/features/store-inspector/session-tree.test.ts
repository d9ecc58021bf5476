import { describe, expect, it } from 'vitest'
import { flattenSessionTree, previewSessionData } from './session-tree'

const session = {
  cookie: {
    originalMaxAge: 600000,
    expires: '2026-11-23T19:19:51.652Z',
    httpOnly: true,
    path: '/',
  },
  user: 'alice',
  cart: [],
  flags: null,
}

function shown(lines: ReturnType<typeof flattenSessionTree>): string[] {
  return lines.map((line) => `${'  '.repeat(line.depth)}${line.key}: ${line.text}`)
}

describe('flattenSessionTree', () => {
  it('opens the top two levels by default, cookie included', () => {
    expect(shown(flattenSessionTree(session))).toEqual([
      'cookie: {4 keys}',
      '  originalMaxAge: 600000',
      '  expires: "2026-11-23T19:19:51.652Z"',
      '  httpOnly: true',
      '  path: "/"',
      'user: "alice"',
      'cart: [0 items]',
      'flags: null',
    ])
  })

  it('closes a container the learner toggled, and only that one', () => {
    const lines = flattenSessionTree(session, { toggled: new Set(['cookie']) })
    expect(shown(lines)).toEqual([
      'cookie: {4 keys}',
      'user: "alice"',
      'cart: [0 items]',
      'flags: null',
    ])
    expect(lines[0]).toMatchObject({ expandable: true, expanded: false })
  })

  it('opens a deep container only when toggled', () => {
    const deep = { a: { b: { c: { d: 1 } } } }
    expect(shown(flattenSessionTree(deep))).toEqual([
      'a: {1 key}',
      '  b: {1 key}',
      '    c: {1 key}',
    ])
    expect(shown(flattenSessionTree(deep, { toggled: new Set(['a/b/c']) }))).toEqual([
      'a: {1 key}',
      '  b: {1 key}',
      '    c: {1 key}',
      '      d: 1',
    ])
  })

  it('does not offer to open an empty container', () => {
    expect(flattenSessionTree({ cart: [] })[0]).toMatchObject({ expandable: false })
  })

  it('keeps keys with slashes apart in paths', () => {
    const paths = flattenSessionTree({ 'a/b': { c: 1 }, a: { b: 2 } }).map((line) => line.path)
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('stops listing a huge container with a count of the rest', () => {
    const lines = flattenSessionTree(
      { items: Array.from({ length: 250 }, (_, i) => i) },
      { maxChildren: 100 },
    )
    expect(lines).toHaveLength(102)
    expect(lines.at(-1)).toMatchObject({ key: '…', text: '150 more' })
  })

  it.each([
    ['a string', 'x', '"x"'],
    ['a number', 3, '3'],
    ['undefined', undefined, 'undefined'],
  ])('shows data that is %s as one line', (_, data, text) => {
    expect(flattenSessionTree(data)).toEqual([expect.objectContaining({ depth: 0, text })])
  })
})

describe('previewSessionData', () => {
  it.each([
    [session, 'user: "alice", cart: […], flags: null'],
    [{ cookie: {} }, 'nothing but its cookie'],
    [{ cookie: {}, profile: { name: 'a' } }, 'profile: {…}'],
    ['raw', '"raw"'],
  ])('previews %j as %s', (data, preview) => expect(previewSessionData(data)).toBe(preview))

  it('cuts a long preview with an ellipsis', () => {
    const preview = previewSessionData({ note: 'x'.repeat(100) }, 20)
    expect(preview).toHaveLength(20)
    expect(preview.endsWith('…')).toBe(true)
  })
})
