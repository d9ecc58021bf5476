/**
 * Whether a message from the server worker holds a stack frame of the worker bundle, which
 * stack-frames.ts then maps to the files Node would name. Only this test is loaded with the page;
 * the mapping, its library and the bundle's source map load the first time a trace needs them.
 */

/**
 * A frame's location in the built worker chunk (`assets/worker-HASH.js`) or, under `vite dev`, in
 * the realm bundle it imports (`build/realm/realm.js`; other dev frames already name source
 * files). Matched by file name and path only: the origin, and where the worker was started
 * from, may differ from the page's. V8 writes `(url:line:column)`, SpiderMonkey and
 * JavaScriptCore `name@url:line:column`.
 */
export const BUNDLE_FRAME =
  /((?:https?:\/\/|\/)[^\s()@'"<>]*?\/(?:assets\/worker-[\w-]+\.js|build\/realm\/realm\.js))(?:\?[^\s()@'"<>:]*)?:(\d+):(\d+)/g

/** The original position of a 1-based line and column of the bundle, if its map knows it. */
export type PositionLookup = (
  line: number,
  column: number,
) => { file: string; line: number; column: number } | undefined

/** The source map of the bundle at `bundleUrl`, or undefined when there is none to be had. */
export type SourceMapSource = (bundleUrl: string) => Promise<PositionLookup | undefined>

export function namesBundleFrame(text: string): boolean {
  BUNDLE_FRAME.lastIndex = 0
  return BUNDLE_FRAME.test(text)
}

const decoder = new TextDecoder()

export function bodyText(bytes: Uint8Array): string | undefined {
  // A trace is text in a page of reasonable size; large or binary bodies are left alone.
  if (bytes.length > 1_000_000) return undefined
  const text = decoder.decode(bytes)
  return namesBundleFrame(text) ? text : undefined
}

/** Whether anything in a message (strings, response bodies) names a bundle frame. */
export function holdsBundleFrame(value: unknown): boolean {
  if (typeof value === 'string') return namesBundleFrame(value)
  if (value instanceof Uint8Array) return bodyText(value) !== undefined
  if (Array.isArray(value)) return value.some(holdsBundleFrame)
  if (isPlainObject(value)) return Object.values(value).some(holdsBundleFrame)
  return false
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}
