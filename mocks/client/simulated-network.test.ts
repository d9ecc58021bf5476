import { describe, expect, it } from 'vitest'
import { redirectTarget, unreachable } from './simulated-network'

describe('the simulated network', () => {
  it.each(['http://session.test/', 'https://session.test/login?x=1', 'HTTP://SESSION.TEST/a'])(
    'carries %s',
    (url) => {
      expect(unreachable(new URL(url), 'navigation')).toBeUndefined()
      expect(redirectTarget(url, 'http://session.test/')).toEqual({ url: new URL(url).href })
    },
  )

  it.each([
    ['http://example.com/', 'example.com'],
    ['https://127.0.0.1:4999/x', '127.0.0.1'],
    ['http://[::1]/', '[::1]'],
    ['http://attacker.test/', 'attacker.test'],
    ['http://session.test.evil.test/', 'session.test.evil.test'],
    ['http://app.session.test/', 'app.session.test'],
    ['http://localhost:3000/', 'localhost'],
  ])('does not resolve %s, naming %s', (url, host) => {
    const failure = unreachable(new URL(url), 'navigation')
    expect(failure?.code).toBe('ERR_NAME_NOT_RESOLVED')
    expect(failure?.message).toContain(`${host} does not exist on the simulated network`)
  })

  it('refuses a connection to session.test on another port', () => {
    expect(unreachable(new URL('http://session.test:8080/'), 'navigation')).toMatchObject({
      code: 'ERR_CONNECTION_REFUSED',
      message: expect.stringContaining('session.test:8080 refused to connect'),
    })
  })

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<h1>hi</h1>', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://session.test/', 'ftp:'],
    ['blob:http://session.test/1', 'blob:'],
    ['about:blank', 'about:'],
  ])('refuses a redirect to %s as Chromium does', (location, scheme) => {
    const next = redirectTarget(location, 'http://session.test/go')
    expect(next).toMatchObject({
      failure: { code: 'ERR_UNSAFE_REDIRECT', message: expect.stringContaining(scheme) },
    })
  })

  it.each([
    ['//example.com/x', 'http://example.com/x'],
    ['\\\\example.com\\x', 'http://example.com/x'],
    ['/\\example.com', 'http://example.com/'],
    ['https://example.com/elsewhere', 'https://example.com/elsewhere'],
  ])('reads the redirect %j as %s and does not resolve it', (location, url) => {
    expect(redirectTarget(location, 'http://session.test/go')).toMatchObject({
      url,
      failure: { code: 'ERR_NAME_NOT_RESOLVED' },
    })
  })

  it('refuses a Location that is not a URL', () => {
    expect(redirectTarget('http://[bad', 'http://session.test/')).toMatchObject({
      url: 'http://[bad',
      failure: { code: 'ERR_INVALID_REDIRECT' },
    })
  })

  it('follows a relative Location on the site', () => {
    expect(redirectTarget('../b?c=1', 'https://session.test/a/x')).toEqual({
      url: 'https://session.test/b?c=1',
    })
  })
})
