/**
 * Server code evaluated as a classic script of the worker's own, from a `blob:` URL made inside
 * the sandbox, rather than through `eval` from the worker's module.
 *
 * Firefox counts code evaluated from a module as that module's, and the module comes from the
 * site, which is another origin to the sandbox's opaque one: it then reports none of that code's
 * unhandled rejections, so a route's `Promise.reject()` would leave the server running where Node
 * exits. A script of the sandbox's own is reported in every engine.
 */
import type { RealmHost } from '../realm/realm-types'

type EvaluateScript = NonNullable<RealmHost['evaluateScript']>

/** The part of a worker's global this needs; the core build types no DOM. */
interface WorkerScriptGlobal {
  importScripts?: (url: string) => void
  Blob: new (parts: string[], options: { type: string }) => object
  URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void }
}

const PROBE_FILE = 'script-name-probe.js'

/**
 * Captures what it needs before the lockdown takes `importScripts` away, so server code that
 * later replaces `URL.createObjectURL` or `Reflect.apply` changes nothing here.
 *
 * Undefined, so that the realm keeps its indirect eval, where the global has no `importScripts`
 * (Node, a module worker) or where the engine names a script's frames by its `blob:` URL rather
 * than its `//# sourceURL` (JavaScriptCore): there server.js would lose its name in stack traces,
 * and that engine reports the rejections of evaluated code anyway.
 */
export function captureScriptEvaluation(): EvaluateScript | undefined {
  const global = globalThis as unknown as WorkerScriptGlobal
  const load = global.importScripts
  if (typeof load !== 'function') return undefined
  const apply = Reflect.apply
  const define = Reflect.defineProperty
  const remove = Reflect.deleteProperty
  const createUrl = global.URL.createObjectURL
  const revokeUrl = global.URL.revokeObjectURL
  const BlobOfCode = global.Blob
  const evaluate: EvaluateScript = (code, deliverName) => {
    let delivered: unknown
    const deliver = (value: unknown) => {
      delivered = value
    }
    define(global, deliverName, { value: deliver, configurable: true })
    const url = createUrl(new BlobOfCode([code], { type: 'text/javascript' }))
    try {
      apply(load, global, [url])
    } finally {
      remove(global, deliverName)
      revokeUrl(url)
    }
    return delivered
  }
  try {
    const probe = `probeDeliver(new Error().stack)\n//# sourceURL=${PROBE_FILE}`
    const stack = evaluate(probe, 'probeDeliver')
    return typeof stack === 'string' && stack.includes(PROBE_FILE) ? evaluate : undefined
  } catch {
    return undefined
  }
}
