import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../../mocks/client'
import { blockedCookiesOf } from './blocked-cookies'
import { jarCookie } from '../../../tests/support/jar-fixtures'

const sid = jarCookie()

let nextId = 1
function exchange(change: Partial<Exchange>): Exchange {
  return {
    id: nextId++,
    requestId: undefined,
    profile: 'Alice',
    method: 'GET',
    url: 'http://session.test/',
    requestHeaders: [],
    requestBody: undefined,
    cookiesSent: [],
    cookiesWithheld: [],
    sentAtMs: 0,
    response: undefined,
    error: undefined,
    setCookieVerdicts: [],
    explanations: [],
    redirectedFrom: undefined,
    ...change,
  }
}

const LAX = 'SameSite=Lax: from another site it is only sent with top-level GET navigations.'
const NONE = 'SameSite=None requires the Secure attribute, so the browser rejected this cookie.'

describe('blockedCookiesOf', () => {
  it('has nothing to show before the profile’s first request', () => {
    expect(blockedCookiesOf([], 'Alice')).toEqual({ navigation: undefined, cookies: [] })
  })

  it('lists what the latest navigation withheld and rejected, across its redirects', () => {
    const post = exchange({
      method: 'POST',
      url: 'http://session.test/transfer?to=mallory',
      cookiesWithheld: [{ cookie: sid, reason: LAX }],
    })
    const get = exchange({
      url: 'http://session.test/done',
      redirectedFrom: post.id,
      setCookieVerdicts: [
        { header: 'theme=dark; SameSite=None', outcome: 'rejected', reason: NONE },
        { header: 'ok=1', outcome: 'stored', cookie: { ...sid, name: 'ok', value: '1' } },
      ],
    })
    expect(blockedCookiesOf([post, get], 'Alice')).toEqual({
      navigation: 'POST /transfer?to=mallory → GET /done',
      cookies: [
        {
          kind: 'withheld',
          name: 'connect.sid',
          detail: 'connect.sid=s%3Aabc.sig',
          request: 'POST /transfer?to=mallory',
          reason: LAX,
        },
        {
          kind: 'rejected',
          name: 'theme',
          detail: 'theme=dark; SameSite=None',
          request: 'GET /done',
          reason: NONE,
        },
      ],
    })
  })

  it('forgets earlier navigations and other profiles’ requests', () => {
    const old = exchange({ cookiesWithheld: [{ cookie: sid, reason: LAX }] })
    const latest = exchange({ url: 'http://session.test/dashboard' })
    const bob = exchange({ profile: 'Bob', cookiesWithheld: [{ cookie: sid, reason: LAX }] })
    expect(blockedCookiesOf([old, latest, bob], 'Alice')).toEqual({
      navigation: 'GET /dashboard',
      cookies: [],
    })
  })
})
