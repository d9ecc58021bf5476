/**
 * `zlib`: the playground has no compression library. Every function Node 24's zlib exports is
 * here and throws ERR_PLAYGROUND_UNSUPPORTED naming itself, so server code gets a clear reason
 * instead of "zlib.gzipSync is not a function". body-parser reaches for the decompressors when a
 * request has a Content-Encoding, and reports the error (a 500) through next(err).
 */
import { unsupported } from './node-errors'

const noBodies = 'the simulated server does not decompress request bodies'
const noZlib = 'the simulated server has no zlib, so it can neither compress nor decompress data'

function stub(name: string, why: string): () => never {
  return () => {
    throw unsupported(`zlib.${name}()`, why)
  }
}

// What body-parser uses. createZstdDecompress is here because Node 24 has it: body-parser
// checks `'createZstdDecompress' in zlib`, and a zstd body should fail like a gzip one.
export const createInflate = stub('createInflate', noBodies)
export const createGunzip = stub('createGunzip', noBodies)
export const createBrotliDecompress = stub('createBrotliDecompress', noBodies)
export const createZstdDecompress = stub('createZstdDecompress', noBodies)

export const createDeflate = stub('createDeflate', noZlib)
export const createDeflateRaw = stub('createDeflateRaw', noZlib)
export const createInflateRaw = stub('createInflateRaw', noZlib)
export const createGzip = stub('createGzip', noZlib)
export const createUnzip = stub('createUnzip', noZlib)
export const createBrotliCompress = stub('createBrotliCompress', noZlib)
export const createZstdCompress = stub('createZstdCompress', noZlib)
export const deflate = stub('deflate', noZlib)
export const deflateSync = stub('deflateSync', noZlib)
export const deflateRaw = stub('deflateRaw', noZlib)
export const deflateRawSync = stub('deflateRawSync', noZlib)
export const inflate = stub('inflate', noZlib)
export const inflateSync = stub('inflateSync', noZlib)
export const inflateRaw = stub('inflateRaw', noZlib)
export const inflateRawSync = stub('inflateRawSync', noZlib)
export const gzip = stub('gzip', noZlib)
export const gzipSync = stub('gzipSync', noZlib)
export const gunzip = stub('gunzip', noZlib)
export const gunzipSync = stub('gunzipSync', noZlib)
export const unzip = stub('unzip', noZlib)
export const unzipSync = stub('unzipSync', noZlib)
export const brotliCompress = stub('brotliCompress', noZlib)
export const brotliCompressSync = stub('brotliCompressSync', noZlib)
export const brotliDecompress = stub('brotliDecompress', noZlib)
export const brotliDecompressSync = stub('brotliDecompressSync', noZlib)
export const zstdCompress = stub('zstdCompress', noZlib)
export const zstdCompressSync = stub('zstdCompressSync', noZlib)
export const zstdDecompress = stub('zstdDecompress', noZlib)
export const zstdDecompressSync = stub('zstdDecompressSync', noZlib)
export const crc32 = stub('crc32', noZlib)
export const constants = {}
