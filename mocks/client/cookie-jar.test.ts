import { describe, expect, it } from 'vitest'
import { BrowserCookieJar, LAX_ALLOW_UNSAFE_MS, type RequestContext } from './cookie-jar'
import { REQUEST_COOKIE_REASONS, SET_COOKIE_REASONS } from './cookie-reasons'

const START = Date.UTC(2030, 0, 1)
const SITE = 'http://session.test/'
const SECURE_SITE = 'https://session.test/'
const sameSite: RequestContext = { initiator: 'http://session.test', topLevel: true, method: 'GET' }

function jarAt(startMs = START) {
  let now = startMs
  const jar = new BrowserCookieJar(() => now)
  return { jar, advance: (ms: number) => (now += ms) }
}

describe('BrowserCookieJar', () => {
  describe('receive', () => {
    it('stores a session cookie and sends it back on the next request', () => {
      const { jar } = jarAt()
      const [verdict] = jar.receive(['connect.sid=s%3Aabc.sig; Path=/; HttpOnly'], SITE)
      expect(verdict).toMatchObject({
        outcome: 'stored',
        cookie: { name: 'connect.sid', httpOnly: true, expiresMs: null },
      })
      expect(jar.outgoing(SITE, sameSite).header).toBe('connect.sid=s%3Aabc.sig')
    })

    it('reports a cookie with the same name, domain and path as replaced', () => {
      const { jar } = jarAt()
      jar.receive(['a=1; Path=/'], SITE)
      expect(jar.receive(['a=2; Path=/'], SITE)[0]?.outcome).toBe('replaced')
      expect(jar.list().map((cookie) => cookie.value)).toEqual(['2'])
    })

    it('deletes a cookie when the response expires it', () => {
      const { jar } = jarAt()
      jar.receive(['connect.sid=x; Path=/'], SITE)
      const [verdict] = jar.receive(
        ['connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        SITE,
      )
      expect(verdict?.outcome).toBe('deleted')
      expect(jar.list()).toEqual([])
    })

    it.each([
      ['a=1; Secure', SITE, 'SecureOnly'],
      ['b=2; SameSite=None', SECURE_SITE, 'SameSiteNoneInsecure'],
      ['__Host-c=3; Secure; Path=/app', SECURE_SITE, 'InvalidPrefix'],
      ['d=4; Domain=other.test', SITE, 'InvalidDomain'],
      ['e=5; Domain=test', SITE, 'InvalidDomain'],
      [`f=${'x'.repeat(4096)}`, SITE, 'NameValuePairExceedsMaxSize'],
      ['g=a\x01b', SITE, 'DisallowedCharacter'],
      ['=', SITE, 'NoCookieContent'],
    ] as const)('rejects %s as %s, with our sentence', (header, url, reason) => {
      const { jar } = jarAt()
      const [verdict] = jar.receive([header], url)
      expect(verdict).toEqual({
        header,
        outcome: 'rejected',
        reasons: [reason],
        reason: SET_COOKIE_REASONS[reason],
      })
      expect(jar.list()).toEqual([])
    })

    it('refuses to let plain http overwrite a Secure cookie (OverwriteSecure)', () => {
      const { jar } = jarAt()
      jar.receive(['n=1; Secure; Path=/'], SECURE_SITE)
      const [verdict] = jar.receive(['n=2; Path=/a'], 'http://session.test/a/b')
      expect(verdict?.outcome === 'rejected' && verdict.reasons).toEqual(['OverwriteSecure'])
      expect(jar.list().map((cookie) => cookie.value)).toEqual(['1'])
    })

    it('keeps a host-only and a Domain cookie of the same name apart, as Chrome does', () => {
      const { jar } = jarAt()
      jar.receive(['a=host', 'a=domain; Domain=session.test'], SITE)
      expect(jar.list().map((cookie) => [cookie.value, cookie.hostOnly])).toEqual([
        ['host', true],
        ['domain', false],
      ])
      expect(jar.outgoing(SITE, sameSite).header).toBe('a=host; a=domain')
    })

    it('accepts an already expired cookie silently when there is nothing to delete', () => {
      const { jar } = jarAt()
      expect(jar.receive(['gone=1; Max-Age=0'], SITE)[0]?.outcome).toBe('expired')
    })

    it('caps a huge Max-Age at 400 days', () => {
      const { jar } = jarAt()
      jar.receive(['a=1; Max-Age=999999999'], SITE)
      expect(jar.list()[0]?.expiresMs).toBe(START + 400 * 24 * 60 * 60 * 1000)
    })

    it('lets Max-Age win over Expires and counts it from receipt on the virtual clock', () => {
      const { jar, advance } = jarAt()
      jar.receive(['a=1; Max-Age=60; Expires=Wed, 01 Jan 2031 00:00:00 GMT'], SITE)
      expect(jar.list()[0]?.expiresMs).toBe(START + 60_000)
      advance(59_000)
      expect(jar.outgoing(SITE, sameSite).header).toBe('a=1')
      advance(1_000)
      expect(jar.outgoing(SITE, sameSite).header).toBeUndefined()
      expect(jar.list()).toEqual([])
    })
  })

  describe('outgoing', () => {
    it('withholds Secure cookies from plain http requests, with the reason', () => {
      const { jar } = jarAt()
      jar.receive(['s=1; Secure; Path=/'], SECURE_SITE)
      expect(jar.outgoing(SECURE_SITE, sameSite).header).toBe('s=1')
      const overHttp = jar.outgoing(SITE, sameSite)
      expect(overHttp.header).toBeUndefined()
      expect(overHttp.withheld[0]?.reasons).toEqual(['SecureOnly'])
      expect(overHttp.withheld[0]?.reason).toBe(REQUEST_COOKIE_REASONS.SecureOnly)
    })

    it('sends cookies only under their path', () => {
      const { jar } = jarAt()
      jar.receive(['a=1; Path=/app'], 'http://session.test/app/login')
      expect(jar.outgoing('http://session.test/app/x', sameSite).header).toBe('a=1')
      const elsewhere = jar.outgoing('http://session.test/application', sameSite)
      expect(elsewhere.header).toBeUndefined()
      expect(elsewhere.withheld[0]?.reasons).toEqual(['NotOnPath'])
    })

    it('sends longer paths first, then older cookies first', () => {
      const { jar } = jarAt()
      jar.receive(['z=1; Path=/', 'a=2; Path=/', 'm=3; Path=/app'], 'http://session.test/app/x')
      expect(jar.outgoing('http://session.test/app/x', sameSite).header).toBe('m=3; z=1; a=2')
    })

    describe('when the request comes from another site', () => {
      const other = 'http://attacker.test'
      const crossSiteGet: RequestContext = { initiator: other, topLevel: true, method: 'GET' }
      const crossSitePost: RequestContext = { initiator: other, topLevel: true, method: 'POST' }

      it('sends Lax cookies with top-level GET navigations only', () => {
        const { jar } = jarAt()
        jar.receive(['lax=1; SameSite=Lax'], SITE)
        expect(jar.outgoing(SITE, crossSiteGet).header).toBe('lax=1')
        expect(jar.outgoing(SITE, crossSitePost).withheld[0]?.reasons).toEqual([
          'SchemefulSameSiteLax',
        ])
      })

      it('sends a cookie without SameSite on a cross-site POST during its first 2 minutes only', () => {
        const { jar, advance } = jarAt()
        jar.receive(['plain=1'], SITE)
        advance(LAX_ALLOW_UNSAFE_MS - 1)
        expect(jar.outgoing(SITE, crossSitePost).header).toBe('plain=1')
        advance(1)
        const later = jar.outgoing(SITE, crossSitePost)
        expect(later.header).toBeUndefined()
        expect(later.withheld[0]?.reasons).toEqual(['SchemefulSameSiteUnspecifiedTreatedAsLax'])
        expect(jar.outgoing(SITE, crossSiteGet).header).toBe('plain=1')
      })

      it('counts the 2 minutes from the first cookie of that name, not from its overwrite', () => {
        const { jar, advance } = jarAt()
        jar.receive(['plain=1'], SITE)
        advance(LAX_ALLOW_UNSAFE_MS)
        jar.receive(['plain=2'], SITE)
        expect(jar.outgoing(SITE, crossSitePost).header).toBeUndefined()
      })

      it('treats http and https of one site as two sites (schemeful same-site)', () => {
        const { jar } = jarAt()
        jar.receive(['strict=1; SameSite=Strict'], SECURE_SITE)
        const fromHttp: RequestContext = { ...sameSite, initiator: 'http://session.test' }
        expect(jar.outgoing(SECURE_SITE, fromHttp).withheld[0]?.reasons).toEqual([
          'SchemefulSameSiteStrict',
        ])
        expect(jar.outgoing(SECURE_SITE, { ...fromHttp, initiator: null }).header).toBe('strict=1')
      })

      it('never sends Strict cookies, and always sends None cookies over https', () => {
        const { jar } = jarAt()
        jar.receive(['strict=1; SameSite=Strict', 'none=1; SameSite=None; Secure'], SECURE_SITE)
        const outgoing = jar.outgoing(SECURE_SITE, crossSitePost)
        expect(outgoing.header).toBe('none=1')
        expect(outgoing.withheld.map(({ cookie }) => cookie.name)).toEqual(['strict'])
      })
    })
  })

  describe('put and remove', () => {
    it('stores an edited cookie as given and removes it again', () => {
      const { jar } = jarAt()
      jar.put({
        name: 'connect.sid',
        value: 's%3Aplanted.sig',
        domain: 'session.test',
        hostOnly: true,
        path: '/',
        expiresMs: null,
        httpOnly: true,
        secure: false,
        sameSite: undefined,
        size: 0,
      })
      expect(jar.outgoing(SITE, sameSite).header).toBe('connect.sid=s%3Aplanted.sig')
      jar.remove({ name: 'connect.sid', domain: 'session.test', path: '/' })
      expect(jar.list()).toEqual([])
    })
  })
})
