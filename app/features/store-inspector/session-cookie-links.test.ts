import { describe, expect, it } from 'vitest'
import { signCookieValue } from '../../../mocks/client'
import type { SessionMiddlewareInfo } from '../../../mocks/server'
import { describeLink, linkCookiesToSessions } from './session-cookie-links'
import { jarCookie } from '../../../tests/support/jar-fixtures'

const middleware = {
  middlewareId: 1,
  storeId: 1,
  name: 'connect.sid',
  secrets: ['keyboard cat'],
} as SessionMiddlewareInfo

const cookie = jarCookie

describe('linkCookiesToSessions', () => {
  it('links a session id to each profile whose cookie carries it', () => {
    const value = signCookieValue('abc', 'keyboard cat')
    const links = linkCookiesToSessions(
      [
        { profile: 'Alice', cookies: [cookie('connect.sid', value)] },
        { profile: 'Bob', cookies: [] },
        { profile: 'Attacker', cookies: [cookie('connect.sid', value)] },
      ],
      [middleware],
    )
    expect(links.get('abc')?.map(describeLink)).toEqual(["Alice's cookie", "Attacker's cookie"])
  })

  it('flags a cookie whose signature the server would reject', () => {
    const forged = signCookieValue('abc', 'guessed secret')
    const links = linkCookiesToSessions(
      [{ profile: 'Attacker', cookies: [cookie('connect.sid', forged)] }],
      [middleware],
    )
    expect(links.get('abc')?.map(describeLink)).toEqual([
      "Attacker's cookie (signature does not verify)",
    ])
  })

  it('verifies with any of the secrets, as express-session tries them in turn', () => {
    const rotated = { ...middleware, secrets: ['new secret', 'keyboard cat'] }
    const value = signCookieValue('abc', 'keyboard cat')
    const links = linkCookiesToSessions(
      [{ profile: 'Alice', cookies: [cookie('connect.sid', value)] }],
      [rotated],
    )
    expect(links.get('abc')?.[0]?.signatureValid).toBe(true)
  })

  it('ignores cookies no session middleware reads, and unsigned values', () => {
    const links = linkCookiesToSessions(
      [
        {
          profile: 'Alice',
          cookies: [
            cookie('theme', signCookieValue('abc', 'keyboard cat')),
            cookie('connect.sid', 'abc'),
          ],
        },
      ],
      [middleware],
    )
    expect(links.size).toBe(0)
  })
})
