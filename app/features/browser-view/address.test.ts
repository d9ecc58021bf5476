import { describe, expect, it } from 'vitest'
import { parseAddress } from './address'

describe('parseAddress', () => {
  describe('when the learner types something on session.test', () => {
    it.each([
      ['/', 'http', 'http://session.test/', undefined],
      ['/login', 'http', 'http://session.test/login', undefined],
      ['  /dashboard?x=1  ', 'https', 'https://session.test/dashboard?x=1', undefined],
      ['login', 'http', 'http://session.test/login', undefined],
      ['session.test/dashboard', 'https', 'https://session.test/dashboard', undefined],
      ['http://session.test/a', 'https', 'http://session.test/a', 'http'],
      ['HTTPS://Session.Test/', 'http', 'https://session.test/', 'https'],
    ] as const)('reads %j (profile on %s) as %s', (input, scheme, url, typedScheme) => {
      expect(parseAddress(input, scheme)).toEqual({ ok: true, url, scheme: typedScheme })
    })
  })

  // The simulated network refuses these with an error page naming the host: see
  // simulated-network.test.ts. The profile's scheme stays as it was.
  describe('when the address names another host or port', () => {
    it.each([
      ['http://example.com/', 'http', 'http://example.com/'],
      ['https://example.com/elsewhere', 'http', 'https://example.com/elsewhere'],
      ['//evil.test/x', 'http', 'http://evil.test/x'],
      ['//127.0.0.1:4999/x', 'https', 'https://127.0.0.1:4999/x'],
      ['\\\\evil.test\\x', 'http', 'http://evil.test/x'],
      ['/\\evil.test/x', 'http', 'http://evil.test/x'],
      ['\\\\127.0.0.1:4999\\x', 'http', 'http://127.0.0.1:4999/x'],
      ['session.test.evil.test/', 'http', 'http://session.test.evil.test/'],
      ['https://session.test:8443/', 'http', 'https://session.test:8443/'],
    ] as const)('hands %j (profile on %s) on as %s', (input, scheme, url) => {
      expect(parseAddress(input, scheme)).toEqual({ ok: true, url, scheme: undefined })
    })
  })

  describe('when the address cannot be reached', () => {
    it.each([
      ['', /Type a path/],
      ['   ', /Type a path/],
      ['localhost:3000/login', /listens on localhost:3000 inside its worker/],
      ['http://localhost:3000/', /listens on localhost:3000 inside its worker/],
      ['ftp://session.test/', /only opens http and https URLs, not ftp:/],
      ['http://', /is not a URL/],
    ])('explains why %j is refused', (input, message) => {
      const result = parseAddress(input, 'http')
      expect(result.ok).toBe(false)
      expect(result.ok ? '' : result.message).toMatch(message)
    })
  })
})
