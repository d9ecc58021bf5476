import { describe, expect, it } from 'vitest'
import { describeClockOffset, formatDuration } from './format-virtual-time'

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [90_000, '1 min 30 s'],
    [3_600_000, '1 h'],
    [3_599_800, '1 h'],
    [86_400_000, '1 day'],
    [2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000, '2 days 3 h'],
  ])('writes %i ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('describeClockOffset', () => {
  it.each([
    [0, 'in step with real time'],
    [400, 'in step with real time'],
    [3_600_000, '1 h ahead of real time'],
    [-120_000, '2 min behind real time'],
  ])('describes an offset of %i ms as %j', (ms, text) => {
    expect(describeClockOffset(ms)).toBe(text)
  })
})
