import { describe, expect, it } from 'vitest'
import { inspectSessionCookie, signCookieValue, tamper } from './signed-cookie'

// Known answers from express-session's own test suite (secret "keyboard cat").
const KNOWN = [
  ['apple', 's%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU'],
  ['%', 's%3A%25.kzQ6x52kKVdF35Qh62AWk4ZekS28K5XYCXKa%2FOTZ01g'],
  ['/foo', 's%3A%2Ffoo.paEKBtAHbV5s1IB8B2zPnzAgYmmnRPIqObW4VRYj%2FMQ'],
] as const

describe('signCookieValue', () => {
  it.each(KNOWN)('signs %s exactly as express-session does', (id, wire) => {
    expect(signCookieValue(id, 'keyboard cat')).toBe(wire)
  })
})

describe('inspectSessionCookie', () => {
  it('splits s:, id and signature and names the secret that verifies it', () => {
    expect(inspectSessionCookie(KNOWN[0][1], ['old secret', 'keyboard cat'])).toEqual({
      kind: 'signed',
      id: 'apple',
      signature: 'D8Y+pkTAmeR0PobOhY4G97PRW+j7bUnP/5m6/On1MCU',
      validWith: 1,
    })
  })

  it('reports a signature no secret verifies', () => {
    expect(inspectSessionCookie(KNOWN[0][1], ['nope'])).toMatchObject({ validWith: -1 })
  })

  it('calls a value without s: unsigned', () => {
    expect(inspectSessionCookie('apple', ['keyboard cat'])).toEqual({
      kind: 'unsigned',
      raw: 'apple',
    })
  })
})

describe('tamper', () => {
  const secrets = ['keyboard cat']
  const original = KNOWN[0][1]

  it('breaks the signature by flipping one character', () => {
    expect(inspectSessionCookie(tamper.flipSignatureCharacter(original), secrets)).toMatchObject({
      id: 'apple',
      validWith: -1,
    })
  })

  it('changes the id and keeps the old signature, which no longer matches', () => {
    expect(inspectSessionCookie(tamper.changeId(original, 'pear'), secrets)).toMatchObject({
      id: 'pear',
      validWith: -1,
    })
  })

  it('drops the s: prefix, leaving a bare id', () => {
    expect(tamper.dropSignedPrefix(original)).toBe('apple')
  })

  it('re-signs with a secret the learner typed', () => {
    expect(inspectSessionCookie(tamper.resign(original, 'guess'), ['guess'])).toMatchObject({
      id: 'apple',
      validWith: 0,
    })
  })
})
