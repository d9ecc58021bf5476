import { describe, expect, it } from 'vitest'
import { BrowserCookieJar, type RequestContext } from './cookie-jar'

const START = Date.UTC(2030, 0, 1)
const SITE = 'http://session.test/'
const SECURE_SITE = 'https://session.test/'
const sameSite: RequestContext = { crossSite: false, topLevel: true, method: 'GET' }

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
      ['a=1; Secure', SITE, /Secure but arrived over plain http/],
      ['b=2; SameSite=None', SECURE_SITE, /SameSite=None requires the Secure attribute/],
      ['__Host-c=3; Secure; Path=/app', SECURE_SITE, /__Host- cookie must be/],
      ['d=4; Domain=other.test', SITE, /Domain attribute does not cover this site/],
    ])('rejects %s with the reason', (header, url, reason) => {
      const { jar } = jarAt()
      const [verdict] = jar.receive([header], url)
      expect(verdict?.outcome).toBe('rejected')
      expect(verdict?.outcome === 'rejected' && verdict.reason).toMatch(reason)
      expect(jar.list()).toEqual([])
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
      expect(overHttp.withheld[0]?.reason).toMatch(/only sent over https/)
    })

    it('sends cookies only under their path', () => {
      const { jar } = jarAt()
      jar.receive(['a=1; Path=/app'], 'http://session.test/app/login')
      expect(jar.outgoing('http://session.test/app/x', sameSite).header).toBe('a=1')
      expect(jar.outgoing('http://session.test/application', sameSite).header).toBeUndefined()
    })

    describe('when the request comes from another site', () => {
      const crossSiteGet: RequestContext = { crossSite: true, topLevel: true, method: 'GET' }
      const crossSitePost: RequestContext = { crossSite: true, topLevel: true, method: 'POST' }

      it('sends Lax cookies with top-level GET navigations only', () => {
        const { jar } = jarAt()
        jar.receive(['lax=1; SameSite=Lax'], SITE)
        expect(jar.outgoing(SITE, crossSiteGet).header).toBe('lax=1')
        expect(jar.outgoing(SITE, crossSitePost).withheld[0]?.reason).toMatch(/^SameSite=Lax: /)
      })

      it('treats a cookie without SameSite as Lax', () => {
        const { jar } = jarAt()
        jar.receive(['plain=1'], SITE)
        expect(jar.outgoing(SITE, crossSitePost).withheld[0]?.reason).toMatch(
          /no SameSite attribute/,
        )
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
