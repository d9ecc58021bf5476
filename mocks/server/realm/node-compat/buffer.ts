/**
 * Our `buffer`: the browser port (buffer@6) with the places it differs from Node fixed.
 * UTF-8 decoding replaces each maximal invalid sequence with one U+FFFD (Node and TextDecoder
 * do; the port emits one per byte), and `base64url` is a known encoding. UTF-8 encoding goes
 * through the platform's TextEncoder (same bytes, lone surrogates as U+FFFD): the port builds a
 * JavaScript array of bytes, about half a second per megabyte, so `res.send` of a large string
 * outlived the request timeout.
 */
import * as port from 'buffer/index.js'

const { Buffer } = port
const utf8 = new TextDecoder('utf-8')
const utf8Encoder = new TextEncoder()
const portToString = Buffer.prototype.toString
const portFrom = Buffer.from
const portByteLength = Buffer.byteLength
const portIsEncoding = Buffer.isEncoding

function isUtf8(encoding: unknown): boolean {
  return encoding === undefined || /^utf-?8$/i.test(String(encoding))
}

Buffer.prototype.toString = function toString(
  this: Uint8Array,
  encoding?: string,
  start?: number,
  end?: number,
): string {
  const from = Math.max(0, Math.trunc(start ?? 0))
  const to = Math.min(this.length, end === undefined ? this.length : Math.trunc(end))
  if (isUtf8(encoding)) return to <= from ? '' : utf8.decode(this.subarray(from, to))
  if (String(encoding).toLowerCase() === 'base64url') {
    return portToString
      .call(this, 'base64', from, to)
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
  }
  return portToString.call(this, encoding, from, to)
} as typeof Buffer.prototype.toString

Buffer.from = function from(value: unknown, encodingOrOffset?: unknown, length?: unknown) {
  if (typeof value === 'string' && isUtf8(encodingOrOffset)) {
    const bytes = utf8Encoder.encode(value)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  }
  if (typeof value === 'string' && String(encodingOrOffset).toLowerCase() === 'base64url') {
    return portFrom.call(Buffer, value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  }
  return (portFrom as (...args: unknown[]) => InstanceType<typeof Buffer>).call(
    Buffer,
    value,
    encodingOrOffset,
    length,
  )
} as typeof Buffer.from

Buffer.byteLength = function byteLength(value: unknown, encoding?: unknown): number {
  if (typeof value === 'string' && isUtf8(encoding)) return utf8Encoder.encode(value).length
  return (portByteLength as (...args: unknown[]) => number).call(Buffer, value, encoding)
} as typeof Buffer.byteLength

Buffer.isEncoding = function isEncoding(encoding: string): boolean {
  return String(encoding).toLowerCase() === 'base64url' || portIsEncoding.call(Buffer, encoding)
}

export * from 'buffer/index.js'
export { Buffer }
export default port
