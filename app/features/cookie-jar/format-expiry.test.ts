import { describe, expect, it } from 'vitest'
import { formatCountdown, formatExpiry } from './format-expiry'

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0)

describe('formatExpiry', () => {
  it('writes "Session" for a cookie kept until the browser closes', () => {
    expect(formatExpiry(null)).toBe('Session')
  })

  it.each([
    [600_000, '2030-01-01T12:10:00Z'],
    [600_999, '2030-01-01T12:10:00Z'],
  ])('writes an expiry %i ms away in ISO form, to the second', (inMs, text) => {
    expect(formatExpiry(NOW + inMs)).toBe(text)
  })
})

describe('formatCountdown', () => {
  it.each([
    [1, 'in 1s'],
    [999, 'in 1s'],
    [45_000, 'in 45s'],
    [59_001, 'in 1m 00s'],
    [600_000, 'in 10m 00s'],
    [599_000, 'in 9m 59s'],
    [3_600_000, 'in 1h 00m'],
    [2 * 3_600_000 + 3 * 60_000, 'in 2h 03m'],
    [3 * 86_400_000 + 4 * 3_600_000, 'in 3d 4h'],
  ])('counts %i ms left as %j', (leftMs, text) => {
    expect(formatCountdown(NOW + leftMs, NOW)).toBe(text)
  })

  it.each([0, -1, -60_000])('says "expired" once %i ms are left', (leftMs) => {
    expect(formatCountdown(NOW + leftMs, NOW)).toBe('expired')
  })
})
