import { describe, expect, it } from 'vitest'
import { findEditableRange, isInsideRange } from './editable-region'

const SOURCE = `const app = express()
app.use(
  session({
    // ▼ edit these options
    secret: 'keyboard cat',
    resave: false,
    // ▲
  }),
)
`

describe('findEditableRange', () => {
  it('spans the whole lines between the marker lines', () => {
    const range = findEditableRange(SOURCE, { from: '// ▼', to: '// ▲' })
    expect(range && SOURCE.slice(range.start, range.end)).toBe(
      "    secret: 'keyboard cat',\n    resave: false,\n",
    )
  })

  it.each([
    ['the first marker is missing', { from: '// nowhere', to: '// ▲' }],
    ['the second marker is missing', { from: '// ▼', to: '// nowhere' }],
    ['the second marker only comes before the first', { from: '// ▲', to: '// ▼' }],
  ])('finds nothing when %s', (_case, markers) => {
    expect(findEditableRange(SOURCE.trimEnd(), markers)).toBeUndefined()
  })

  it('finds nothing when the first marker is on the last line', () => {
    expect(
      findEditableRange('const a = 1\n// ▼ edit below', { from: '// ▼', to: '// ▲' }),
    ).toBeUndefined()
  })

  it('is empty, not missing, when the markers are on neighbouring lines', () => {
    expect(findEditableRange('// a\n// b\n', { from: '// a', to: '// b' })).toEqual({
      start: 5,
      end: 5,
    })
  })
})

describe('isInsideRange', () => {
  const range = { start: 10, end: 20 }
  it.each([
    [10, 20, true],
    [10, 10, true],
    [20, 20, true],
    [9, 12, false],
    [15, 21, false],
  ])('says [%i, %i) inside is %s', (from, to, inside) => {
    expect(isInsideRange(range, from, to)).toBe(inside)
  })
})
