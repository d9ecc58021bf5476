import { describe, expect, it } from 'vitest'
import { jarCookie } from '../../tests/support/jar-fixtures'
import { cookieDepartures } from './cookie-departures'

const NOW = Date.UTC(2030, 0, 1, 12)

describe('cookieDepartures', () => {
  const session = { ...jarCookie(), expiresMs: NOW - 1_000 }
  const theme = jarCookie('theme', 'dark')

  it('says a cookie whose expiry passed expired', () => {
    expect(cookieDepartures([session, theme], [theme], 'browsing', NOW)).toEqual([
      { name: 'connect.sid', reason: 'expired', expiresMs: NOW - 1_000 },
    ])
  })

  it('says a cookie that left before its expiry was deleted by the server', () => {
    const live = { ...session, expiresMs: NOW + 60_000 }
    expect(cookieDepartures([live], [], 'browsing', NOW)).toEqual([
      { name: 'connect.sid', reason: 'deleted-by-server', expiresMs: NOW + 60_000 },
    ])
    expect(cookieDepartures([theme], [], 'browsing', NOW)[0]?.reason).toBe('deleted-by-server')
  })

  it('says the learner deleted what left by their own edit, expired or not', () => {
    expect(
      cookieDepartures([session, theme], [], 'learner', NOW).map(({ reason }) => reason),
    ).toEqual(['deleted-by-learner', 'deleted-by-learner'])
  })

  it('sees no departure when a cookie was only replaced by a new value', () => {
    expect(cookieDepartures([theme], [{ ...theme, value: 'light' }], 'browsing', NOW)).toEqual([])
  })
})
