/**
 * The globals server code sees, shaped like Node 24's rather than like the worker's: the names a
 * browser worker has and Node lacks are absent (`typeof indexedDB === 'undefined'`,
 * `'document' in globalThis === false`), and the network globals Node has are present but fail
 * as a machine without a network would, with a code that says why.
 */
import { nodeError } from './node-errors'
import process from './process'

/** What Node 24's global object holds (besides what the realm defines itself: timers, process…). */
const NODE_GLOBAL_NAMES = new Set([
  // ECMAScript
  'AggregateError', 'Array', 'ArrayBuffer', 'AsyncDisposableStack', 'Atomics', 'BigInt',
  'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date', 'DisposableStack', 'Error',
  'EvalError', 'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array',
  'Function', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterator', 'JSON',
  'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError',
  'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'SuppressedError', 'Symbol',
  'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array',
  'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet', 'WebAssembly', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'eval', 'isFinite', 'isNaN',
  'parseFloat', 'parseInt', 'undefined', 'unescape',
  // The web platform as Node offers it
  'AbortController', 'AbortSignal', 'Blob', 'BroadcastChannel', 'ByteLengthQueuingStrategy',
  'CloseEvent', 'CompressionStream', 'CountQueuingStrategy', 'Crypto', 'CryptoKey',
  'CustomEvent', 'DOMException', 'DecompressionStream', 'Event', 'EventTarget', 'File',
  'FormData', 'Headers', 'MessageChannel', 'MessageEvent', 'MessagePort', 'Performance',
  'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
  'PerformanceObserverEntryList', 'PerformanceResourceTiming', 'ReadableByteStreamController',
  'ReadableStream', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableStreamDefaultController', 'ReadableStreamDefaultReader', 'Request', 'Response',
  'SubtleCrypto', 'TextDecoder', 'TextDecoderStream', 'TextEncoder', 'TextEncoderStream',
  'TransformStream', 'TransformStreamDefaultController', 'URL', 'URLPattern', 'URLSearchParams',
  'WritableStream', 'WritableStreamDefaultController', 'WritableStreamDefaultWriter', 'atob',
  'btoa', 'crypto', 'performance', 'structuredClone',
]) // prettier-ignore

/**
 * Names a browser worker has and Node does not, which server code could otherwise reach as free
 * identifiers (they resolve past the realm's global object, to the worker's own scope).
 */
export const BROWSER_ONLY_NAMES = [
  'window',
  'self',
  'document',
  'location',
  'indexedDB',
  'caches',
  'postMessage',
  'close',
  'importScripts',
  'XMLHttpRequest',
  'EventSource',
  'Worker',
  'SharedWorker',
  'onmessage',
  'onerror',
  'origin',
  'isSecureContext',
  'crossOriginIsolated',
] as const

const hostGlobal = globalThis
const boundOperations = new Map<PropertyKey, unknown>()

/**
 * A global function such as `atob` must be called on the real global object ("Illegal
 * invocation" otherwise); `globalThis.atob(…)` in server code calls it on the realm's.
 */
function callableFromRealm(key: PropertyKey, value: unknown): unknown {
  if (typeof value !== 'function' || typeof key !== 'string' || !/^[a-z]/.test(key)) return value
  let bound = boundOperations.get(key)
  if (bound === undefined) {
    bound = (value as (...args: unknown[]) => unknown).bind(hostGlobal)
    boundOperations.set(key, bound)
  }
  return bound
}

/** The worker's global, with only Node's names showing: the prototype of the realm's global. */
export const nodeShapedGlobal: object = new Proxy(Object.create(null) as object, {
  has: (_, key) =>
    (typeof key !== 'string' || NODE_GLOBAL_NAMES.has(key)) && Reflect.has(hostGlobal, key),
  get: (_, key) => {
    if (typeof key === 'string' && !NODE_GLOBAL_NAMES.has(key)) return undefined
    return callableFromRealm(key, Reflect.get(hostGlobal, key))
  },
})

/** Node 21+'s `navigator`. */
class Navigator {
  get hardwareConcurrency(): number {
    return 2
  }
  get language(): string {
    return 'en-US'
  }
  get languages(): readonly string[] {
    return ['en-US']
  }
  get platform(): string {
    return 'linux'
  }
  get userAgent(): string {
    return `Node.js/${process.version.slice(1).split('.')[0] ?? ''}`
  }
  get [Symbol.toStringTag](): string {
    return 'Navigator'
  }
}

export const navigator = new Navigator()

function noNetwork(what: string): Error {
  return nodeError(
    'ERR_PLAYGROUND_UNSUPPORTED',
    `${what}: the playground's simulated server has no network. Requests come to it only from the simulated browsers.`,
  )
}

function urlOf(input: unknown): string {
  if (input instanceof Request) return input.url
  return String(input)
}

/**
 * Why Node's fetch fails on a machine without a network: a TypeError whose cause says why. The
 * realm's `fetch` rejects with it (realm/no-network-fetch.ts).
 */
export function fetchFailure(input: unknown): TypeError {
  return Object.assign(new TypeError('fetch failed'), {
    cause: noNetwork(`fetch(${JSON.stringify(urlOf(input))}) cannot connect`),
  })
}

/** Node 22+'s WebSocket, which cannot connect either. */
export class WebSocket {
  constructor(url: unknown) {
    throw noNetwork(`new WebSocket(${JSON.stringify(String(url))}) cannot connect`)
  }
}
