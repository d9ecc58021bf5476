import { describe, expect, it } from 'vitest'
import { dispositionOf, resolveFormNavigation, resolveLinkNavigation } from './page-navigation'

const PAGE = 'http://session.test/account/settings?tab=1'

describe('resolveLinkNavigation', () => {
  it.each([
    ['/', 'http://session.test/'],
    ['/dashboard', 'http://session.test/dashboard'],
    ['profile', 'http://session.test/account/profile'],
    ['../logout', 'http://session.test/logout'],
    ['?tab=2', 'http://session.test/account/settings?tab=2'],
    ['', 'http://session.test/account/settings?tab=1'],
    ['/page#top', 'http://session.test/page'],
    ['https://session.test/secure', 'https://session.test/secure'],
    // Other hosts are left to the simulated network, which does not resolve them.
    ['http://attacker.test/steal', 'http://attacker.test/steal'],
    ['//127.0.0.1:4999/x', 'http://127.0.0.1:4999/x'],
    ['\\\\127.0.0.1:4999\\x', 'http://127.0.0.1:4999/x'],
  ])('resolves %j against the simulated page URL, never the app’s', (href, url) => {
    expect(resolveLinkNavigation(href, PAGE, 'http')).toEqual({
      kind: 'navigate',
      request: { url },
    })
  })

  it('follows the profile’s current scheme for links relative to the page', () => {
    expect(resolveLinkNavigation('/dashboard', PAGE, 'https')).toEqual({
      kind: 'navigate',
      request: { url: 'https://session.test/dashboard' },
    })
  })

  it('stays on the page for a fragment link', () => {
    expect(resolveLinkNavigation('#section-2', PAGE, 'http')).toEqual({
      kind: 'stay',
      fragment: 'section-2',
    })
  })

  it.each([
    ['javascript:alert(1)', /does not open javascript: links/],
    ['mailto:alice@example.com', /does not open mailto: links/],
    ['http://[bad', /is not a valid URL/],
  ])('does not follow %j, and says why', (href, message) => {
    const navigation = resolveLinkNavigation(href, PAGE, 'http')
    expect(navigation.kind).toBe('blocked')
    expect(navigation.kind === 'blocked' ? navigation.message : '').toMatch(message)
  })
})

describe('resolveFormNavigation', () => {
  const fields = [
    ['username', 'alice'],
    ['password', 'wonder land&'],
  ] as const

  it('POSTs the fields urlencoded to the action resolved against the page', () => {
    expect(
      resolveFormNavigation({ action: '/login', method: 'post', fields }, PAGE, 'http'),
    ).toEqual({
      kind: 'navigate',
      request: { url: 'http://session.test/login', method: 'POST', form: fields },
    })
  })

  it('accepts the method in any case', () => {
    const navigation = resolveFormNavigation(
      { action: 'x', method: ' POST ', fields },
      PAGE,
      'http',
    )
    expect(navigation).toMatchObject({ request: { method: 'POST' } })
  })

  it('submits to the page itself when the action is absent or empty', () => {
    for (const action of [null, '', '  ']) {
      expect(resolveFormNavigation({ action, method: 'post', fields: [] }, PAGE, 'http')).toEqual({
        kind: 'navigate',
        request: { url: PAGE, method: 'POST', form: [] },
      })
    }
  })

  it.each([null, 'get', 'GET', 'put'])(
    'puts the fields in the query, replacing it, for method %j',
    (method) => {
      expect(
        resolveFormNavigation({ action: '/search?old=1', method, fields }, PAGE, 'http'),
      ).toEqual({
        kind: 'navigate',
        request: { url: 'http://session.test/search?username=alice&password=wonder+land%26' },
      })
    },
  )

  it('uses the profile’s current scheme for a relative action', () => {
    expect(
      resolveFormNavigation({ action: '/login', method: 'post', fields }, PAGE, 'https'),
    ).toMatchObject({
      request: { url: 'https://session.test/login' },
    })
  })

  it('stays on the page for a dialog form', () => {
    expect(
      resolveFormNavigation({ action: null, method: 'dialog', fields }, PAGE, 'http').kind,
    ).toBe('stay')
  })

  it('submits to another site like any other, for the simulated network to refuse', () => {
    const navigation = resolveFormNavigation(
      { action: 'http://attacker.test/collect', method: 'post', fields },
      PAGE,
      'http',
    )
    expect(navigation).toMatchObject({
      kind: 'navigate',
      request: { url: 'http://attacker.test/collect', method: 'POST' },
    })
  })

  it('does not submit to a javascript: action', () => {
    const navigation = resolveFormNavigation(
      { action: 'javascript:alert(1)', method: 'post', fields },
      PAGE,
      'http',
    )
    expect(navigation.kind).toBe('blocked')
  })
})

describe('dispositionOf', () => {
  it.each([
    [null, 'here'],
    ['', 'here'],
    ['_self', 'here'],
    [' _TOP ', 'here'],
    ['_parent', 'here'],
    ['_blank', 'new-tab'],
    ['somewhere', 'new-tab'],
  ] as const)('opens a target of %j %s', (target, disposition) => {
    expect(dispositionOf(target)).toBe(disposition)
  })
})
