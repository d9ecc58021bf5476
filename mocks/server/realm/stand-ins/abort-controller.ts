/**
 * Stands in for abort-controller, the polyfill readable-stream falls back on where the host has
 * none (`globalThis.AbortController || require('abort-controller').AbortController`). Browsers
 * and Node both have one, so the polyfill (and event-target-shim under it) is never used; this
 * gives the host's classes under the polyfill's export names in case anything asks.
 */
const host = globalThis as unknown as Record<'AbortController' | 'AbortSignal', unknown>

export const AbortController = host.AbortController
export const AbortSignal = host.AbortSignal
export default AbortController
