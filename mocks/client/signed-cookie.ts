/**
 * Reads and tampers with express-session's cookie value, `s:<id>.<signature>` (URL-encoded on
 * the wire as `s%3A…`), where the signature is base64 HMAC-SHA256 of the id without `=` padding
 * (cookie-signature 1.0.7, which express-session uses).
 */
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'

export type SignedValue =
  | {
      kind: 'signed'
      id: string
      signature: string
      /** Index of the first secret that verifies it, as express-session tries them; -1 if none. */
      validWith: number
    }
  | { kind: 'unsigned'; raw: string }

const encoder = new TextEncoder()
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const triple = (a << 16) | (b << 8) | c
    text += BASE64[(triple >> 18) & 63]! + BASE64[(triple >> 12) & 63]!
    text += i + 1 < bytes.length ? BASE64[(triple >> 6) & 63]! : '='
    text += i + 2 < bytes.length ? BASE64[triple & 63]! : '='
  }
  return text
}

/** cookie-signature's sign(): base64 HMAC-SHA256 of the value with the trailing `=` removed. */
export function signatureOf(id: string, secret: string): string {
  return base64(hmac(sha256, encoder.encode(secret), encoder.encode(id))).replace(/=+$/, '')
}

/** The cookie as express-session reads it: URL-decoded, then `s:` + id + `.` + signature. */
export function decodeCookieValue(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function inspectSessionCookie(value: string, secrets: readonly string[]): SignedValue {
  const decoded = decodeCookieValue(value)
  if (!decoded.startsWith('s:')) return { kind: 'unsigned', raw: decoded }
  const body = decoded.slice(2)
  const dot = body.lastIndexOf('.')
  if (dot === -1) return { kind: 'unsigned', raw: decoded }
  const id = body.slice(0, dot)
  const signature = body.slice(dot + 1)
  const validWith = secrets.findIndex((secret) => signatureOf(id, secret) === signature)
  return { kind: 'signed', id, signature, validWith }
}

/** Encodes a value the way express-session's cookie serializer does (encodeURIComponent). */
export function encodeCookieValue(decoded: string): string {
  return encodeURIComponent(decoded)
}

export function signCookieValue(id: string, secret: string): string {
  return encodeCookieValue(`s:${id}.${signatureOf(id, secret)}`)
}

/** The tamper actions the jar panel offers. Each returns a new wire value. */
export const tamper = {
  flipSignatureCharacter(value: string): string {
    const decoded = decodeCookieValue(value)
    const last = decoded.at(-1) ?? 'A'
    return encodeCookieValue(decoded.slice(0, -1) + (last === 'A' ? 'B' : 'A'))
  },
  changeId(value: string, newId: string): string {
    const parsed = inspectSessionCookie(value, [])
    if (parsed.kind !== 'signed') return encodeCookieValue(newId)
    return encodeCookieValue(`s:${newId}.${parsed.signature}`)
  },
  dropSignedPrefix(value: string): string {
    const parsed = inspectSessionCookie(value, [])
    return parsed.kind === 'signed' ? encodeCookieValue(parsed.id) : value
  },
  resign(value: string, secret: string): string {
    const parsed = inspectSessionCookie(value, [])
    const id = parsed.kind === 'signed' ? parsed.id : parsed.raw
    return signCookieValue(id, secret)
  },
}

/** A tamper action as the jar panel and lessons name it. */
export type TamperAction =
  | { kind: 'flip-signature' }
  | { kind: 'change-id'; id: string }
  | { kind: 'drop-prefix' }
  | { kind: 'resign'; secret: string }

export function tamperedValue(value: string, action: TamperAction): string {
  switch (action.kind) {
    case 'flip-signature':
      return tamper.flipSignatureCharacter(value)
    case 'change-id':
      return tamper.changeId(value, action.id)
    case 'drop-prefix':
      return tamper.dropSignedPrefix(value)
    case 'resign':
      return tamper.resign(value, action.secret)
  }
}
