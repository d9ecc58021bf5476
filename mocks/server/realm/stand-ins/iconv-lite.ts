/**
 * Stands in for iconv-lite, which raw-body and body-parser use to decode request bodies. Only
 * UTF-8 (and its aliases) and latin1 are supported — body-parser's JSON parser rejects other
 * charsets with 415 before decoding, and the real package's encoding tables are large.
 */
import { Buffer } from 'buffer'

const SUPPORTED: Record<string, 'utf8' | 'latin1'> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
  latin1: 'latin1',
  ascii: 'latin1',
  'us-ascii': 'latin1',
}

function normalize(encoding: string): 'utf8' | 'latin1' | undefined {
  return SUPPORTED[String(encoding).toLowerCase()]
}

function encodingExists(encoding: string): boolean {
  return normalize(encoding) !== undefined
}

function decode(bytes: Uint8Array, encoding: string): string {
  const known = normalize(encoding)
  if (!known) throw new Error(`Encoding not recognized: '${encoding}' (searched as: '${encoding}')`)
  let text = Buffer.from(bytes).toString(known)
  if (known === 'utf8' && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text
}

function getDecoder(encoding: string): { write(bytes: Uint8Array): string; end(): string } {
  const known = normalize(encoding)
  if (!known) throw new Error(`Encoding not recognized: '${encoding}' (searched as: '${encoding}')`)
  const pending: Uint8Array[] = []
  return {
    write(bytes) {
      pending.push(bytes)
      return ''
    },
    end() {
      return decode(Buffer.concat(pending), known)
    },
  }
}

const iconv = { encodingExists, decode, getDecoder }
export { iconv as 'module.exports' }
