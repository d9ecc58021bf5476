import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../../mocks/client'
import {
  cookieNamesSent,
  describeExchange,
  linkRedirects,
  pathOf,
  requestLabel,
  setCookieName,
  statusLineOf,
  statusOf,
  summarizeVerdict,
  truncateText,
} from './exchange-summary'
import { splitInlineCode } from '../../shared/explanation-text'
import { exchangeOf, jarCookie } from '../../../tests/support/jar-fixtures'

const cookie = jarCookie()

const exchange = exchangeOf

function redirect(id: number, profile: string, url: string, location: string): Exchange {
  return exchange({
    id,
    profile,
    url,
    response: { status: 302, statusMessage: 'Found', headers: [['Location', location]], body: '' },
  })
}

describe('pathOf', () => {
  it.each([
    ['http://session.test/login', '/login'],
    ['http://session.test/a?next=%2F', '/a?next=%2F'],
    ['http://session.test', '/'],
    ['not a url', 'not a url'],
    ['http://127.0.0.1:4999/x', 'http://127.0.0.1:4999/x'],
    ['http://session.test:8080/x', 'http://session.test:8080/x'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('reads %s as %s', (url, path) => expect(pathOf(url)).toBe(path))
})

describe('statusOf', () => {
  it('gives the status code of a response', () => {
    expect(statusOf(exchange({}))).toBe('200')
    expect(statusLineOf(exchange({}))).toBe('200 OK')
  })

  it('gives the error code when the server never answered', () => {
    const failed = exchange({ response: undefined, error: { code: 'ERR_FAILED', message: 'down' } })
    expect(statusOf(failed)).toBe('ERR_FAILED')
    expect(statusLineOf(failed)).toBe('ERR_FAILED: down')
  })
})

describe('cookieNamesSent', () => {
  it('writes a dash when no Cookie header went out', () => {
    expect(cookieNamesSent(exchange({}))).toBe('—')
  })

  it('lists the names of the cookies sent', () => {
    const theme = { ...cookie, name: 'theme' }
    expect(cookieNamesSent(exchange({ cookiesSent: [cookie, theme] }))).toBe('connect.sid, theme')
  })
})

describe('setCookieName', () => {
  it.each([
    ['connect.sid=s%3Aabc; Path=/; HttpOnly', 'connect.sid'],
    ['  spaced = 1', 'spaced'],
    ['flag; Secure', 'flag'],
    ['=nameless', '(unnamed)'],
  ])('reads the name of %j', (header, name) => expect(setCookieName(header)).toBe(name))
})

describe('summarizeVerdict', () => {
  it('names a rejected cookie from its header and keeps its reason names and sentence', () => {
    expect(
      summarizeVerdict({
        header: 'a=1; SameSite=None',
        outcome: 'rejected',
        reasons: ['SameSiteNoneInsecure'],
        reason: 'no Secure',
      }),
    ).toEqual({
      name: 'a',
      outcome: 'rejected',
      reasons: ['SameSiteNoneInsecure'],
      reason: 'no Secure',
    })
  })

  it('names an already expired cookie from its header, without a blocked reason', () => {
    expect(summarizeVerdict({ header: 'gone=; Max-Age=0', outcome: 'expired' })).toEqual({
      name: 'gone',
      outcome: 'expired',
      reasons: [],
      reason: undefined,
    })
  })

  it('names a stored cookie from the jar', () => {
    expect(summarizeVerdict({ header: 'x', outcome: 'stored', cookie })).toEqual({
      name: 'connect.sid',
      outcome: 'stored',
      reasons: [],
      reason: undefined,
    })
  })
})

describe('linkRedirects', () => {
  it('links a hop to the redirect whose Location it followed', () => {
    const login = redirect(1, 'Alice', 'http://session.test/login', '/dashboard')
    const dashboard = exchange({ id: 2, url: 'http://session.test/dashboard', redirectedFrom: 1 })
    const links = linkRedirects([login, dashboard])
    expect(links.from.get(2)).toBe(1)
    expect(links.to.get(1)).toBe(2)
  })

  it('does not cross profiles even when the numbering would suggest it', () => {
    const alice = redirect(1, 'Alice', 'http://session.test/dashboard', '/')
    const bob = redirect(2, 'Bob', 'http://session.test/dashboard', '/')
    const bobHome = exchange({ id: 3, profile: 'Bob', redirectedFrom: 1 })
    expect(linkRedirects([alice, bob, bobHome]).from.get(3)).toBe(2)
  })

  it('leaves a request that was not a redirect hop unlinked', () => {
    const first = redirect(1, 'Alice', 'http://session.test/a', '/b')
    const typed = exchange({ id: 2, url: 'http://session.test/b' })
    expect(linkRedirects([first, typed]).from.size).toBe(0)
  })
})

describe('requestLabel', () => {
  it('numbers by the server request id, as the console does', () => {
    expect(requestLabel({ requestId: 7 })).toBe('#7')
    expect(requestLabel({ requestId: undefined })).toBe('—')
  })
})

describe('describeExchange', () => {
  it('says who asked what, what went out and what the jar did', () => {
    const login = exchange({
      method: 'POST',
      url: 'http://session.test/login',
      response: { status: 302, statusMessage: 'Found', headers: [], body: '' },
      setCookieVerdicts: [{ header: 'connect.sid=1', outcome: 'stored', cookie }],
    })
    expect(describeExchange(login)).toBe(
      'Alice: POST /login → 302 Found. Sent no cookies. Set-Cookie connect.sid stored.',
    )
  })
})

describe('truncateText', () => {
  it('keeps short text whole', () => {
    expect(truncateText('short', 10)).toEqual({ text: 'short', omitted: 0 })
  })

  it('cuts at the limit and counts what it left out', () => {
    expect(truncateText('x'.repeat(25), 10)).toEqual({ text: 'x'.repeat(10), omitted: 15 })
  })

  it('prefers a line break just before the limit', () => {
    expect(truncateText('123456789\nabcdef', 10)).toEqual({ text: '123456789', omitted: 7 })
  })
})

describe('splitInlineCode', () => {
  it('turns backticked spans into code', () => {
    expect(splitInlineCode('sent `connect.sid` back')).toEqual([
      { code: false, text: 'sent ' },
      { code: true, text: 'connect.sid' },
      { code: false, text: ' back' },
    ])
  })

  it('keeps an unmatched backtick as text', () => {
    expect(splitInlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }])
  })
})
