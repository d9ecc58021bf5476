import { describe, expect, it } from 'vitest'
import { getDomain } from './registrable-domain'

describe('getDomain', () => {
  it.each([
    ['session.test', 'session.test'],
    ['www.session.test', 'session.test'],
    ['a.b.attacker.test', 'attacker.test'],
    ['test', null],
    ['127.0.0.1', null],
    ['::1', null],
    ['', null],
  ])('takes %s to the registrable domain %s', (hostname, domain) => {
    expect(getDomain(hostname)).toBe(domain)
  })
})
