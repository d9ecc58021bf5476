import { describe, expect, it } from 'vitest'
import { signCookieValue, tamper } from '../../../mocks/client'
import type { SessionMiddlewareInfo } from '../../../mocks/server'
import { describeVerdict, isVerified, viewSessionCookie } from './session-cookie'

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
      /^Signature verifies with secret #1: express-session loads session abc\.$/,
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
