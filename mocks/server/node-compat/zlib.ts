/** `zlib`: compressed request bodies are beyond the playground; body-parser reports the error. */
import { unsupported } from './node-errors'

const why = 'the simulated server does not decompress request bodies'
export function createInflate(): never {
  throw unsupported('zlib.createInflate()', why)
}
export function createGunzip(): never {
  throw unsupported('zlib.createGunzip()', why)
}
export function createBrotliDecompress(): never {
  throw unsupported('zlib.createBrotliDecompress()', why)
}
export const constants = {}
