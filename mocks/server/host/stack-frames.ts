/**
 * Stack traces as Node prints them. In the browser the realm runs bundled and minified, so a
 * frame names the bundle (`…/assets/worker-CXGemjm2.js:1438:30430`) where Node would name the
 * package's own file (`node_modules/router/lib/layer.js:152:17`). The bundle's source map says
 * which: it is fetched, beside the bundle, the first time a trace names the bundle, so a page
 * that never shows a trace never loads it (vite.config.ts, workerSourceMap), nor this module and
 * the library that reads maps (worker-client.ts imports them when a message mentions the bundle). The learner's own
 * `server.js:LINE:COL` frames name no bundle and keep their place.
 */
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'

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

/**
 * The path Node prints for a file of the bundle: from `node_modules/` for a package (as seen
 * from the app's folder), otherwise the project's own file (our Node-compatibility layer).
 */
export function nodeStylePath(source: string): string {
  const packages = source.indexOf('node_modules/')
  if (packages !== -1) return source.slice(packages)
  return source.replace(/^(?:\.\.?\/)+/, '').replace(/^webpack:\/\/\/|^\/+/, '')
}

/** Every bundle frame of `text` named by its original file, line and column where the map knows. */
export async function mapFramesInText(text: string, sourceMaps: SourceMapSource): Promise<string> {
  BUNDLE_FRAME.lastIndex = 0
  const found = [...text.matchAll(BUNDLE_FRAME)]
  if (found.length === 0) return text
  const lookups = new Map<string, PositionLookup | undefined>()
  for (const [, url] of found) {
    if (url !== undefined && !lookups.has(url)) lookups.set(url, await sourceMaps(url))
  }
  return text.replace(BUNDLE_FRAME, (frame, url: string, line: string, column: string) => {
    const original = lookups.get(url)?.(Number(line), Number(column))
    return original ? `${original.file}:${original.line}:${original.column}` : frame
  })
}

/** Reads source maps with `fetchText`, once per bundle, and looks positions up in them. */
export function createSourceMapSource(
  fetchText: (url: string) => Promise<string | undefined>,
): SourceMapSource {
  const maps = new Map<string, Promise<PositionLookup | undefined>>()
  const load = async (bundleUrl: string): Promise<PositionLookup | undefined> => {
    const text = await fetchText(`${bundleUrl}.map`)
    if (text === undefined) return undefined
    let map: TraceMap
    try {
      map = new TraceMap(text)
    } catch {
      return undefined
    }
    return (line, column) => {
      // trace-mapping counts columns from 0, stack frames from 1.
      const found = originalPositionFor(map, { line, column: column - 1 })
      if (found.source === null) return undefined
      return { file: nodeStylePath(found.source), line: found.line, column: found.column + 1 }
    }
  }
  return (bundleUrl) => {
    let map = maps.get(bundleUrl)
    if (!map) {
      map = load(bundleUrl).catch(() => undefined)
      maps.set(bundleUrl, map)
    }
    return map
  }
}

/** How long the page waits for a map before it shows the traces as the engine wrote them. */
const MAP_FETCH_LIMIT_MS = 10_000

/** The page's way to read a map: beside the bundle, on whatever origin served it. */
export async function fetchSourceMapText(url: string): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const givenUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, MAP_FETCH_LIMIT_MS, undefined)
  })
  const read = fetch(url).then(
    async (response) => (response.ok ? await response.text() : undefined),
    () => undefined,
  )
  try {
    return await Promise.race([read, givenUp])
  } finally {
    clearTimeout(timer)
  }
}

/** The page's maps: each fetched once, beside its bundle. */
export const pageSourceMaps: SourceMapSource = createSourceMapSource(fetchSourceMapText)

const encoder = new TextEncoder()

type HeaderPairs = Array<readonly [string, string]>

function isHeaderPairs(value: unknown): value is HeaderPairs {
  return (
    Array.isArray(value) &&
    value.every(
      (pair) =>
        Array.isArray(pair) && pair.length === 2 && pair.every((v) => typeof v === 'string'),
    )
  )
}

/**
 * A copy of `value` (a message from the server worker) whose traces name original files: in
 * strings (console lines, error stacks) and in response bodies (Express's error page), whose
 * Content-Length then counts the new body, as Node's would.
 */
export async function mapBundleFrames<T>(value: T, sourceMaps: SourceMapSource): Promise<T> {
  if (!holdsBundleFrame(value)) return value
  if (typeof value === 'string') return (await mapFramesInText(value, sourceMaps)) as T
  if (Array.isArray(value)) {
    return (await Promise.all(value.map((item) => mapBundleFrames(item, sourceMaps)))) as T
  }
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      item instanceof Uint8Array
        ? await mapBody(item, sourceMaps)
        : await mapBundleFrames(item, sourceMaps)
  }
  if (copy.body !== value.body && copy.body instanceof Uint8Array && isHeaderPairs(copy.headers)) {
    const length = String(copy.body.length)
    copy.headers = copy.headers.map(([name, headerValue]) =>
      name.toLowerCase() === 'content-length' ? ([name, length] as const) : [name, headerValue],
    )
  }
  return copy as T
}

async function mapBody(bytes: Uint8Array, sourceMaps: SourceMapSource): Promise<Uint8Array> {
  const text = bodyText(bytes)
  if (text === undefined) return bytes
  const mapped = await mapFramesInText(text, sourceMaps)
  return mapped === text ? bytes : encoder.encode(mapped)
}
