import { describe, expect, it } from 'vitest'
import { CookieJar, flipCharacter, parseSignedValue, type RequestContext } from './cookie-jar'

const NOW = Date.UTC(2030, 0, 1)
const http = (path = '/', nowMs = NOW): RequestContext => ({
  hostname: 'localhost',
  path,
  secure: false,
  nowMs,
})
const https = (path = '/', nowMs = NOW): RequestContext => ({ ...http(path, nowMs), secure: true })

describe('CookieJar', () => {
  describe('when a cookie has Expires', () => {
    it('sends it until the virtual time reaches Expires', () => {
      const jar = new CookieJar()
      jar.receive('sid=a; Path=/; Expires=Tue, 01 Jan 2030 00:01:00 GMT', http())
      expect(jar.cookieHeader(http('/', NOW + 59_999))).toBe('sid=a')
      expect(jar.cookieHeader(http('/', NOW + 60_000))).toBeUndefined()
    })

    it('lets Max-Age win over Expires and deletes on Max-Age=0', () => {
      const jar = new CookieJar()
      jar.receive('a=1; Max-Age=10; Expires=Tue, 01 Jan 2030 01:00:00 GMT', http())
      expect(jar.cookieHeader(http('/', NOW + 10_001))).toBeUndefined()
      jar.receive('b=2', http())
      jar.receive('b=; Max-Age=0', http())
      expect(jar.cookieHeader(http())).toBeUndefined()
    })

    it('removes a cookie set with an Expires in the past (res.clearCookie)', () => {
      const jar = new CookieJar()
      jar.receive('old=1; Path=/', http())
      jar.receive('old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', http())
      expect(jar.cookieHeader(http())).toBeUndefined()
    })
  })

  describe('when a cookie is Secure', () => {
    it('is not stored from an http response', () => {
      const jar = new CookieJar()
      jar.receive('sid=a; Path=/; Secure', http())
      expect(jar.cookieHeader(https())).toBeUndefined()
    })

    it('is sent over https only', () => {
      const jar = new CookieJar()
      jar.receive('sid=a; Path=/; Secure', https())
      expect(jar.cookieHeader(http())).toBeUndefined()
      expect(jar.cookieHeader(https())).toBe('sid=a')
    })
  })

  it('matches paths and puts longer paths first', () => {
    const jar = new CookieJar()
    jar.receive('a=root; Path=/', http())
    jar.receive('a=account; Path=/account', http())
    expect(jar.cookieHeader(http('/account/settings'))).toBe('a=account; a=root')
    expect(jar.cookieHeader(http('/accounts'))).toBe('a=root')
  })

  it('rejects a Domain the host does not belong to', () => {
    const jar = new CookieJar()
    jar.receive('a=1; Domain=example.test', http())
    expect(jar.cookieHeader(http())).toBeUndefined()
    const app = { ...http(), hostname: 'app.example.test' }
    jar.receive('b=2; Domain=.example.test', app)
    expect(jar.cookieHeader({ ...app, hostname: 'api.example.test' })).toBe('b=2')
  })
})

describe('signed cookie values', () => {
  it('parses the id and the signature of an encoded session cookie', () => {
    expect(
      parseSignedValue('s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU'),
    ).toEqual({
      id: 'apple',
      signature: 'D8Y+pkTAmeR0PobOhY4G97PRW+j7bUnP/5m6/On1MCU',
    })
    expect(parseSignedValue('apple.sig')).toBeUndefined()
  })

  it('flips exactly one character', () => {
    const flipped = flipCharacter('abcdef')
    expect(flipped).toHaveLength(6)
    expect([...flipped].filter((char, at) => char !== 'abcdef'[at])).toHaveLength(1)
  })
})
