/**
 * Our `crypto`: the hashes, HMACs and random bytes that express-session (SHA-1 of the session
 * for change detection), cookie-signature (HMAC-SHA256 signatures, SHA-1 compare), uid-safe
 * (session ids) and etag (SHA-1) need, on @noble/hashes and the host's random source.
 */
import { Buffer } from 'buffer'
import { hmac } from '@noble/hashes/hmac.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import type { CHash } from '@noble/hashes/utils.js'
import { host } from '../realm-host'
import { nextTick } from './timers'
import { invalidArgType, nodeError } from './node-errors'

type Algorithm = CHash
const ALGORITHMS: Record<string, Algorithm> = { md5, sha1, sha224, sha256, sha384, sha512 }

type BinaryLike = string | Uint8Array
type DigestEncoding = 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary'

function findAlgorithm(name: string): Algorithm {
  const algorithm = ALGORITHMS[String(name).toLowerCase().replace('-', '')]
  if (!algorithm) throw nodeError('ERR_OSSL_EVP_UNSUPPORTED', 'Digest method not supported')
  return algorithm
}

function toBytes(data: unknown, encoding?: string): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, (encoding ?? 'utf8') as 'utf8')
  if (data instanceof Uint8Array) return data
  throw invalidArgType(
    'data',
    'of type string or an instance of Buffer, TypedArray, or DataView',
    data,
  )
}

interface Incremental {
  update(bytes: Uint8Array): unknown
  digest(): Uint8Array
}

class Digest {
  private finished = false
  constructor(private readonly state: Incremental) {}

  update(data: BinaryLike, encoding?: string): this {
    if (this.finished) throw nodeError('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called')
    this.state.update(toBytes(data, encoding))
    return this
  }

  digest(): Buffer
  digest(encoding: DigestEncoding): string
  digest(encoding?: DigestEncoding): Buffer | string {
    if (this.finished) throw nodeError('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called')
    this.finished = true
    const bytes = Buffer.from(this.state.digest())
    if (encoding === 'base64url') return toBase64Url(bytes)
    return encoding ? bytes.toString(encoding) : bytes
  }
}

/** The browser Buffer knows no 'base64url' (Node's RFC 4648 §5 alphabet, no padding). */
function toBase64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function createHash(algorithm: string): Digest {
  return new Digest(findAlgorithm(algorithm).create())
}

export function createHmac(algorithm: string, key: BinaryLike): Digest {
  // Checked first, as Node does: a `secret: 42` given to session() fails here, naming the key.
  if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
    throw invalidArgType(
      'key',
      'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey',
      key,
    )
  }
  return new Digest(hmac.create(findAlgorithm(algorithm), toBytes(key)))
}

export function randomBytes(
  size: number,
  callback?: (error: Error | null, bytes: Buffer) => void,
): Buffer | undefined {
  if (!Number.isInteger(size) || size < 0) {
    throw nodeError(
      'ERR_OUT_OF_RANGE',
      `The value of "size" is out of range. Received ${String(size)}`,
      RangeError,
    )
  }
  const bytes = Buffer.alloc(size)
  for (let offset = 0; offset < size; offset += 65536) {
    host.fillRandom(bytes.subarray(offset, Math.min(size, offset + 65536)))
  }
  if (!callback) return bytes
  nextTick(() => callback(null, bytes))
  return undefined
}

export const pseudoRandomBytes = randomBytes

export function randomUUID(): string {
  const bytes = randomBytes(16) as Buffer
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function randomInt(minOrMax: number, max?: number): number {
  const [low, high] = max === undefined ? [0, minOrMax] : [minOrMax, max]
  const bytes = randomBytes(6) as Buffer
  return low + (bytes.readUIntBE(0, 6) % (high - low))
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    throw nodeError(
      'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
      'Input buffers must have the same byte length',
      RangeError,
    )
  }
  let difference = 0
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

export function getHashes(): string[] {
  return Object.keys(ALGORITHMS)
}
