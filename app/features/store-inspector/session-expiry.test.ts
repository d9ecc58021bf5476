import { describe, expect, it } from 'vitest'
import { describeExpiry, forgettingOf, formatDuration, sessionExpiry } from './session-expiry'

const NOW = Date.parse('2026-11-23T19:00:00.000Z')

describe('sessionExpiry', () => {
  it('counts down to cookie.expires', () => {
    const data = { cookie: { expires: '2026-11-23T19:10:00.000Z' } }
    expect(sessionExpiry(data, NOW)).toEqual({
      kind: 'live',
      expiresMs: NOW + 600_000,
      remainingMs: 600_000,
    })
  })

  it('is expired at the very instant of expiry, as MemoryStore decides (expires <= now)', () => {
    const data = { cookie: { expires: '2026-11-23T19:00:00.000Z' } }
    expect(sessionExpiry(data, NOW)).toMatchObject({ kind: 'expired', overdueMs: 0 })
  })

  it.each([
    ['no cookie', {}],
    ['a browser-session cookie', { cookie: { expires: null } }],
    ['an unreadable date', { cookie: { expires: 'soon' } }],
    ['not an object', 'x'],
  ])('never expires with %s', (_, data) => {
    expect(sessionExpiry(data, NOW)).toEqual({ kind: 'never' })
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [59_000, '59 s'],
    [598_000, '9 min 58 s'],
    [600_000, '10 min'],
    [3_600_000 + 5 * 60_000 + 7000, '1 h 5 min'],
    [3 * 86_400_000 + 4 * 3_600_000, '3 d 4 h'],
    [86_400_000 + 30_000, '1 d'],
    [-5000, '0 s'],
  ])('writes %i ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})

describe('describeExpiry', () => {
  it('says an expired entry is still stored until read', () => {
    expect(describeExpiry({ kind: 'expired', expiresMs: 0, overdueMs: 1 })).toBe(
      'expired — still stored until read',
    )
  })

  it('counts down a live one', () => {
    expect(describeExpiry({ kind: 'live', expiresMs: 0, remainingMs: 61_000 })).toBe(
      'expires in 1 min 1 s',
    )
  })
})

describe('describeExpiry for a store that expires entries itself', () => {
  it('says only "expired": such a store does not keep the entry until a read', () => {
    expect(describeExpiry({ kind: 'expired', expiresMs: 0, overdueMs: 1 }, 'ttl')).toBe('expired')
  })
})

describe('describeExpiry for the database stores', () => {
  const expired = { kind: 'expired', expiresMs: 0, overdueMs: 1 } as const
  it('says what an expired entry waits for, store by store', () => {
    expect(
      (['PGStore', 'MongoStore', 'RedisStore', 'MemoryStore', 'MyStore'] as const).map((kind) =>
        describeExpiry(expired, forgettingOf(kind)),
      ),
    ).toEqual([
      'expired — awaits the prune',
      'expired — awaits the TTL monitor',
      'expired',
      'expired — still stored until read',
      'expired — still stored until read',
    ])
  })
})
