/**
 * Our `querystring`, with Node's semantics (lib/querystring.js): Express 5's default "simple"
 * query parser is `querystring.parse`, and Node's never throws on bad percent-encoding — it
 * keeps the raw text — where the browser port (querystring-es3) throws a URIError.
 */
import { Buffer } from 'buffer'

type ParsedQuery = Record<string, string | string[]>

export function unescape(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return unescapeBytes(text)
  }
}

/** Node's unescapeBuffer: decode every valid %XX to its byte, keep the rest, read as UTF-8. */
function unescapeBytes(text: string): string {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3)
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'))
    }
  }
  // TextDecoder replaces each maximal invalid subsequence with one U+FFFD, as Node's UTF-8
  // decoder does; the browser Buffer's toString('utf8') emits one U+FFFD per invalid byte.
  return utf8Decoder.decode(Uint8Array.from(bytes))
}

const utf8Decoder = new TextDecoder('utf-8')

export function escape(text: unknown): string {
  return encodeURIComponent(String(text)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export function parse(
  query: unknown,
  separator = '&',
  equals = '=',
  options: { maxKeys?: number; decodeURIComponent?: (text: string) => string } = {},
): ParsedQuery {
  const result: ParsedQuery = Object.create(null)
  if (typeof query !== 'string' || query.length === 0) return result
  const maxKeys = typeof options.maxKeys === 'number' ? options.maxKeys : 1000
  const decode = options.decodeURIComponent ?? unescape
  let pieces = query.split(separator || '&')
  if (maxKeys > 0) pieces = pieces.slice(0, maxKeys)
  for (const piece of pieces) {
    if (piece.length === 0) continue
    const at = piece.indexOf(equals || '=')
    const rawKey = at >= 0 ? piece.slice(0, at) : piece
    const rawValue = at >= 0 ? piece.slice(at + (equals || '=').length) : ''
    const key = decodeComponent(rawKey, decode)
    const value = decodeComponent(rawValue, decode)
    const existing = result[key]
    if (existing === undefined) result[key] = value
    else if (Array.isArray(existing)) existing.push(value)
    else result[key] = [existing, value]
  }
  return result
}

function decodeComponent(text: string, decode: (text: string) => string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decode(spaced)
  } catch {
    return unescape(spaced)
  }
}

export function stringify(object: unknown, separator = '&', equals = '='): string {
  if (!object || typeof object !== 'object') return ''
  return Object.entries(object as Record<string, unknown>)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => `${escape(key)}${equals}${escapeValue(item)}`,
      ),
    )
    .join(separator)
}

function escapeValue(value: unknown): string {
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  ) {
    return escape(value)
  }
  return ''
}

export const decode = parse
export const encode = stringify
