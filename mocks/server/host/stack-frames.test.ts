import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generatedPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { describe, expect, it } from 'vitest'
import {
  createSourceMapSource,
  holdsBundleFrame,
  mapBundleFrames,
  mapFramesInText,
} from './stack-frames'
import { WorkerServerClient, type WorkerLike } from './worker-client'
import type { EngineEvent } from './engine'
import type { PageToWorker, WorkerToPage } from './worker-protocol'

/**
 * The realm bundle's own map (npm run build:realm) stands in for the worker chunk's: the mapping
 * reads any bundle's map the same way, and this one names the same files.
 */
const realmMapText = readFileSync(
  fileURLToPath(new URL('../../../build/realm/realm.js.map', import.meta.url)),
  'utf8',
)
const realmMap = new TraceMap(realmMapText)

/** Where in the bundle a position of an original file ended up: a frame the engine would write. */
function bundlePosition(file: string, line: number, column: number): string {
  const source = realmMap.sources.find((name) => name?.endsWith(file))
  if (!source) throw new Error(`${file} is not in the realm bundle`)
  const found = generatedPositionFor(realmMap, { source, line, column: column - 1 })
  if (found.line === null) throw new Error(`${file}:${line}:${column} is not in the bundle`)
  return `${found.line}:${found.column + 1}`
}

/** Node's frames for a route that throws (express 5.3: router 2's Layer.handleRequest). */
const LAYER = 'node_modules/router/lib/layer.js:169:33'
const ROUTE = 'node_modules/router/lib/route.js:163:13'
const layerAt = bundlePosition('router/lib/layer.js', 169, 33)
const routeAt = bundlePosition('router/lib/route.js', 163, 13)

const ASSET = 'https://cdn.example.test/some/base/assets/worker-CXGemjm2.js'

/** A map server that counts what it was asked for. */
function mapsServedAt(served: Record<string, string>) {
  const asked: string[] = []
  const sourceMaps = createSourceMapSource((url) => {
    asked.push(url)
    return Promise.resolve(served[url])
  })
  return { asked, sourceMaps }
}

describe('stack frames of the worker bundle', () => {
  it("names Node's files, lines and columns in V8's frames, and keeps server.js's own", async () => {
    const { asked, sourceMaps } = mapsServedAt({ [`${ASSET}.map`]: realmMapText })
    const stack = [
      'Error: boom',
      '    at eval (server.js:5:9)',
      `    at Layer.handleRequest (${ASSET}:${layerAt})`,
      `    at next (${ASSET}:${routeAt})`,
    ].join('\n')

    expect(await mapFramesInText(stack, sourceMaps)).toBe(
      [
        'Error: boom',
        '    at eval (server.js:5:9)',
        `    at Layer.handleRequest (${LAYER})`,
        `    at next (${ROUTE})`,
      ].join('\n'),
    )
    // The map sits beside the asset the frame names, on the frame's origin, and is read once.
    expect(asked).toEqual([`${ASSET}.map`])
  })

  it("maps SpiderMonkey's and JavaScriptCore's name@location frames", async () => {
    const { sourceMaps } = mapsServedAt({ [`${ASSET}.map`]: realmMapText })
    const stack = `@server.js:5:9\nhandleRequest@${ASSET}:${layerAt}\n@\nnext@${ASSET}:${routeAt}`

    expect(await mapFramesInText(stack, sourceMaps)).toBe(
      `@server.js:5:9\nhandleRequest@${LAYER}\n@\nnext@${ROUTE}`,
    )
  })

  it('maps the realm bundle itself as vite dev serves it, without its query', async () => {
    const realm = 'http://localhost:5173/session-playground/build/realm/realm.js'
    const { asked, sourceMaps } = mapsServedAt({ [`${realm}.map`]: realmMapText })

    expect(await mapFramesInText(`    at next (${realm}?t=1700:${routeAt})`, sourceMaps)).toBe(
      `    at next (${ROUTE})`,
    )
    expect(asked).toEqual([`${realm}.map`])
  })

  it('names the playground’s own modules by their path in the project', async () => {
    const { sourceMaps } = mapsServedAt({ [`${ASSET}.map`]: realmMapText })
    const at = bundlePosition('mocks/server/realm/crash.ts', 52, 20)
    expect(await mapFramesInText(`runGuarded@${ASSET}:${at}`, sourceMaps)).toMatch(
      /^runGuarded@mocks\/server\/realm\/crash\.ts:52:\d+$/,
    )
  })

  it('leaves frames as they are when there is no map to be had', async () => {
    const { sourceMaps } = mapsServedAt({})
    const stack = `Error: boom\n    at next (${ASSET}:${routeAt})`
    expect(await mapFramesInText(stack, sourceMaps)).toBe(stack)
  })

  it("rewrites Express's error page and its Content-Length, and nothing that names no bundle", async () => {
    const { sourceMaps } = mapsServedAt({ [`${ASSET}.map`]: realmMapText })
    const html = `<pre>Error: boom<br> &nbsp; &nbsp;at next (${ASSET}:${routeAt})</pre>`
    const body = new TextEncoder().encode(html)
    const response = {
      status: 500,
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', String(body.length)],
      ],
      body,
    }
    const untouched = { kind: 'console', text: 'Listening on http://localhost:3000' }

    const [mapped, same] = await mapBundleFrames([response, untouched], sourceMaps)

    const mappedHtml = `<pre>Error: boom<br> &nbsp; &nbsp;at next (${ROUTE})</pre>`
    expect(new TextDecoder().decode(mapped?.body)).toBe(mappedHtml)
    expect(mapped?.headers).toEqual([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(new TextEncoder().encode(mappedHtml).length)],
    ])
    expect(response.body).toBe(body)
    expect(same).toBe(untouched)
    expect(holdsBundleFrame(untouched)).toBe(false)
  })
})

/** A worker that sends what the test gives it, as the server worker posts its messages. */
class ScriptedWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: { message?: string }) => void) | null = null
  postMessage(_message: PageToWorker): void {}
  terminate(): void {}
  send(data: WorkerToPage): void {
    this.onmessage?.({ data })
  }
}

describe('the page side of the server worker', () => {
  it('publishes traces mapped, and the events after them in their order', async () => {
    const worker = new ScriptedWorker()
    const client = new WorkerServerClient({
      createWorker: () => worker,
      sourceMaps: mapsServedAt({ [`${ASSET}.map`]: realmMapText }).sourceMaps,
    })
    const texts: string[] = []
    const heard = new Promise<void>((resolve) =>
      client.subscribe((event: EngineEvent) => {
        if (event.kind === 'console') texts.push(event.text)
        if (texts.length === 2) resolve()
      }),
    )
    const console = (text: string): EngineEvent =>
      ({ kind: 'console', time: 0, level: 'error', text }) as EngineEvent

    worker.send({
      type: 'events',
      events: [console(`Error: boom\n    at next (${ASSET}:${routeAt})`)],
    })
    worker.send({ type: 'events', events: [console('after the trace')] })
    await heard

    expect(texts).toEqual([`Error: boom\n    at next (${ROUTE})`, 'after the trace'])
    client.dispose()
  })
})
