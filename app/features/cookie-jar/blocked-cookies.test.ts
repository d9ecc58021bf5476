import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../../mocks/client'
import { REQUEST_COOKIE_REASONS, SET_COOKIE_REASONS } from '../../../mocks/client'
import { blockedCookiesOf } from './blocked-cookies'
import { exchangeOf, jarCookie } from '../../../tests/support/jar-fixtures'

const sid = jarCookie()

let nextId = 1
function exchange(change: Partial<Exchange>): Exchange {
  return exchangeOf({ id: nextId++, requestId: undefined, response: undefined, ...change })
}

const LAX = REQUEST_COOKIE_REASONS.SchemefulSameSiteLax
const NONE = SET_COOKIE_REASONS.SameSiteNoneInsecure
const PATH = REQUEST_COOKIE_REASONS.NotOnPath

describe('blockedCookiesOf', () => {
  it('has nothing to show before the profile’s first request', () => {
    expect(blockedCookiesOf([], 'Alice')).toEqual({ navigation: undefined, cookies: [] })
  })

  it('lists what the latest navigation withheld and rejected, across its redirects', () => {
    const post = exchange({
      method: 'POST',
      url: 'http://session.test/transfer?to=mallory',
      cookiesWithheld: [
        { cookie: sid, reasons: ['SchemefulSameSiteLax'], reason: LAX },
        { cookie: { ...sid, name: 'admin', path: '/admin' }, reasons: ['NotOnPath'], reason: PATH },
      ],
    })
    const get = exchange({
      url: 'http://session.test/done',
      redirectedFrom: post.id,
      setCookieVerdicts: [
        {
          header: 'theme=dark; SameSite=None',
          outcome: 'rejected',
          reasons: ['SameSiteNoneInsecure'],
          reason: NONE,
        },
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
          reasons: ['SchemefulSameSiteLax'],
          reason: LAX,
          filteredOut: false,
        },
        {
          kind: 'withheld',
          name: 'admin',
          detail: 'admin=s%3Aabc.sig',
          request: 'POST /transfer?to=mallory',
          reasons: ['NotOnPath'],
          reason: PATH,
          filteredOut: true,
        },
        {
          kind: 'rejected',
          name: 'theme',
          detail: 'theme=dark; SameSite=None',
          request: 'GET /done',
          reasons: ['SameSiteNoneInsecure'],
          reason: NONE,
          filteredOut: false,
        },
      ],
    })
  })

  it('forgets earlier navigations and other profiles’ requests', () => {
    const withheld = [{ cookie: sid, reasons: ['SchemefulSameSiteLax' as const], reason: LAX }]
    const old = exchange({ cookiesWithheld: withheld })
    const latest = exchange({ url: 'http://session.test/dashboard' })
    const bob = exchange({ profile: 'Bob', cookiesWithheld: withheld })
    expect(blockedCookiesOf([old, latest, bob], 'Alice')).toEqual({
      navigation: 'GET /dashboard',
      cookies: [],
    })
  })
})
