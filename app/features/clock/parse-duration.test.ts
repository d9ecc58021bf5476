import { describe, expect, it } from 'vitest'
import { MAX_DURATION_MS, parseDuration } from './parse-duration'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('parseDuration', () => {
  describe('when the text is an amount of time', () => {
    it.each([
      ['90s', 90 * SECOND],
      ['15m', 15 * MINUTE],
      ['15min', 15 * MINUTE],
      ['2h', 2 * HOUR],
      ['1d', DAY],
      ['1h 30m', HOUR + 30 * MINUTE],
      ['1h30m', HOUR + 30 * MINUTE],
      ['1.5h', 1.5 * HOUR],
      [' 2 H ', 2 * HOUR],
      ['500ms', 500],
      ['1500', 1500],
      ['600000', 10 * MINUTE],
    ])('reads %j as %i ms', (text, ms) => {
      expect(parseDuration(text)).toEqual({ ok: true, ms })
    })
  })

  describe('when the text is not', () => {
    it.each([
      ['abc', /is not an amount of time/],
      ['', /Type an amount of time/],
      ['   ', /Type an amount of time/],
      ['2x', /is not an amount of time/],
      ['1h 30', /is not an amount of time/],
      ['h', /is not an amount of time/],
      ['1e3', /is not an amount of time/],
      ['-5m', /only moves forward/],
      ['0', /no time at all/],
      ['0s', /no time at all/],
      ['4000d', /more than ten years/],
    ])('rejects %j with a reason', (text, reason) => {
      const result = parseDuration(text)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toMatch(reason)
    })
  })

  it('accepts exactly the largest amount', () => {
    expect(parseDuration(String(MAX_DURATION_MS))).toEqual({ ok: true, ms: MAX_DURATION_MS })
    expect(parseDuration(String(MAX_DURATION_MS + 1)).ok).toBe(false)
  })
})
