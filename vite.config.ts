import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'
import { lessonsPlugin } from './app/lesson-loader/vite-plugin-lessons.ts'

/**
 * The site is served from a sub-path on GitHub Pages (`/<repo>/`); BASE_PATH chooses another
 * (e.g. `/` for a root host). The MSW worker script is emitted at the base, and registered with
 * the base as its scope.
 */
const base = process.env.BASE_PATH ?? '/session-playground/'

/**
 * GitHub Pages answers unknown paths with 404.html, and runs Jekyll unless told not to. Deep links use the hash (#/lessons/…), so a
 * copy of the app is only a safety net for links without one; it boots the app all the same.
 */
function pagesFallback(): Plugin {
  let outDir = 'dist'
  return {
    name: 'session-playground:pages-fallback',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async closeBundle() {
      await copyFile(join(outDir, 'index.html'), join(outDir, '404.html'))
      // Without it Pages runs Jekyll, which hides files and folders starting with _ or .
      await writeFile(join(outDir, '.nojekyll'), '')
    },
  }
}

/**
 * The server worker's source map, for stack traces that name the files Node would print
 * (`node_modules/router/lib/layer.js:152:17`) rather than the minified bundle. It is written
 * beside the worker chunk, `worker-HASH.js.map`, and named by no comment in the chunk, so the
 * page fetches it only when it has a trace to show (mocks/server/host/stack-frames.ts): the
 * bytes loaded before the page is interactive stay the same. Vite gives a worker a map only when
 * the whole build has one; this plugin does it for the worker alone, and chains the map through
 * the realm bundle's own (vite.realm.config.ts) to the Express stack's files.
 */
function workerSourceMap(): Plugin {
  return {
    name: 'session-playground:worker-source-map',
    apply: 'build',
    async load(id) {
      if (!id.endsWith('/build/realm/realm.js')) return undefined
      const [code, map] = await Promise.all([
        readFile(id, 'utf8'),
        readFile(`${id}.map`, 'utf8').catch(() => undefined),
      ])
      return map === undefined ? code : { code, map }
    },
    outputOptions(options) {
      return { ...options, sourcemap: 'hidden' }
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        const mapFile = bundle[`${chunk.fileName}.map`]
        if (mapFile?.type !== 'asset') continue
        // Lazy chunks (acorn, Postgres) run no server code: the entry's map is the one needed.
        if (!chunk.isEntry) {
          delete bundle[mapFile.fileName]
          continue
        }
        // Mapping a frame needs the positions and file names, not the files' text.
        const { sourcesContent: _text, ...map } = JSON.parse(String(mapFile.source)) as {
          sourcesContent?: unknown
        }
        mapFile.source = JSON.stringify(map)
      }
    },
  }
}

/** The simulated browsers need no Public Suffix List (see mocks/client/registrable-domain.ts). */
export const tldtsStandIn = fileURLToPath(
  new URL('./mocks/client/registrable-domain.ts', import.meta.url),
)

/**
 * trace-mapping's URL resolver lists its UMD build first for browsers; its ES module build keeps
 * the bundler's CommonJS helpers, and the chunk they would need, out of the page's first load.
 */
const resolveUriModule = fileURLToPath(
  new URL('./node_modules/@jridgewell/resolve-uri/dist/resolve-uri.mjs', import.meta.url),
)

/** msw/browser's fallback interceptors, which the page never runs (see the file). */
const mswFallbackStandIn = fileURLToPath(
  new URL('./mocks/msw-fallback-stand-in.ts', import.meta.url),
)

export default defineConfig({
  resolve: {
    alias: [
      { find: 'tldts', replacement: tldtsStandIn },
      { find: '@jridgewell/resolve-uri', replacement: resolveUriModule },
      { find: /^@mswjs\/interceptors\/(XMLHttpRequest|fetch)$/, replacement: mswFallbackStandIn },
    ],
  },
  base: base.endsWith('/') ? base : `${base}/`,
  plugins: [
    react(),
    msw({ mode: 'worker-only' }),
    lessonsPlugin(fileURLToPath(new URL('./lessons', import.meta.url))),
    pagesFallback(),
  ],
  // The server worker loads from a sandboxed frame, whose origin is opaque ("null"): its module
  // requests are cross-origin (mocks/sandboxed-server-worker.ts).
  server: { cors: { origin: 'null' } },
  worker: {
    format: 'es',
    plugins: () => [workerSourceMap()],
    // Node prints class names (`Session { views: 1 }`, MemoryStore's name in the store panel):
    // minification must not rename the classes of the Express stack the worker runs.
    // The realm bundle arrives unminified, its `@__PURE__` marks still in place: they did their
    // work when this build tree-shook it, and would add ~0.4 KB gzip to the worker's first load.
    rolldownOptions: { output: { keepNames: true, comments: { legal: true, annotation: false } } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Every engine the playground supports knows <link rel="modulepreload">: the polyfill would
    // only add bytes to the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: {
        // msw/browser builds an unused default network at import time. Its service-worker
        // source listens to every message from the worker and awaits a worker that never comes,
        // so each message event (a request, a response) stays in memory for good: ~4 KB per
        // simulated request, tens of MB and long garbage collections at 10 000 sessions.
        // Declaring the call pure lets the bundler drop it; setupWorker builds its own.
        manualPureFunctions: ['createDefaultNetworkOptions'],
      },
    },
  },
})
