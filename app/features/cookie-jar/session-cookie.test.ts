import { describe, expect, it } from 'vitest'
import { signCookieValue, tamper } from '../../../mocks/client'
import type { SessionMiddlewareInfo } from '../../../mocks/server'
import { describeVerdict, isVerified, storedSessionOf, viewSessionCookie } from './session-cookie'

function middleware(name: string, secrets: string[]): SessionMiddlewareInfo {
  return {
    middlewareId: 1,
    storeId: 1,
    name,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'keep',
    proxy: undefined,
    secretCount: secrets.length,
    secrets,
    cookie: 'function',
  }
}

const signed = signCookieValue('abc123', 'keyboard cat')
const sessions = [middleware('connect.sid', ['new secret', 'keyboard cat'])]

describe('viewSessionCookie', () => {
  it('ignores a cookie that no session middleware uses', () => {
    expect(viewSessionCookie({ name: 'theme', value: signed }, sessions)).toBeUndefined()
  })

  it('takes a signed value apart and finds the secret that verifies it', () => {
    expect(viewSessionCookie({ name: 'connect.sid', value: signed }, sessions)).toMatchObject({
      kind: 'signed',
      id: 'abc123',
      validWith: 1,
    })
  })

  it('reports a flipped signature as verified by no secret', () => {
    const value = tamper.flipSignatureCharacter(signed)
    const view = viewSessionCookie({ name: 'connect.sid', value }, sessions)
    expect(view).toMatchObject({ kind: 'signed', validWith: -1 })
    expect(isVerified(view!)).toBe(false)
  })

  it('reports a value without the s: prefix as unsigned', () => {
    expect(viewSessionCookie({ name: 'connect.sid', value: 'abc123' }, sessions)).toEqual({
      kind: 'unsigned',
      raw: 'abc123',
    })
  })
})

describe('describeVerdict', () => {
  it.each([
    [
      { kind: 'signed', id: 'abc', signature: 's', validWith: 0 } as const,
      /^Signature verifies with secret #1: express-session looks session abc up in the store\.$/,
    ],
    [
      { kind: 'signed', id: 'abc', signature: 's', validWith: 2 } as const,
      /secret #3, an older secret that is still accepted/,
    ],
    [
      { kind: 'signed', id: 'abc', signature: 's', validWith: -1 } as const,
      /^No secret produces this signature: .* new, empty session\.$/,
    ],
    [{ kind: 'unsigned', raw: 'abc' } as const, /^Not signed \(no "s:" prefix\)/],
  ])('explains %j', (view, sentence) => {
    expect(describeVerdict(view)).toMatch(sentence)
  })
})

describe('what the store holds decides the verdict', () => {
  const view = { kind: 'signed', id: 'abc', signature: 's', validWith: 0 } as const
  const NOW = Date.UTC(2030, 0, 1)
  const middlewares = sessions
  const storeWith = (entries: ReadonlyArray<readonly [string, unknown]>) => [
    { storeId: 1, kind: 'MemoryStore', entries: new Map(entries) },
  ]
  const stored = (entries: ReadonlyArray<readonly [string, unknown]>) =>
    storedSessionOf('abc', 'connect.sid', middlewares, storeWith(entries), NOW)

  it.each([
    [
      [['abc', { cookie: {} }]],
      'live',
      /, and the store holds session abc: express-session loads it\.$/,
      true,
    ],
    [
      [['abc', { cookie: { expires: new Date(NOW - 1).toISOString() } }]],
      'expired',
      /but session abc has expired in the store: .* new, empty session\.$/,
      false,
    ],
    [[], 'missing', /but the store no longer holds session abc .* new, empty session\.$/, false],
  ] as const)('%j: %s', (entries, expected, sentence, verified) => {
    const status = stored(entries)
    expect(status).toBe(expected)
    expect(describeVerdict(view, status)).toMatch(sentence)
    expect(isVerified(view, status)).toBe(verified)
  })

  it('cannot tell for a store the playground cannot read', () => {
    const opaque = [{ storeId: 1, kind: 'CustomStore', entries: undefined }]
    expect(storedSessionOf('abc', 'connect.sid', middlewares, opaque, NOW)).toBe('unknown')
  })
})
