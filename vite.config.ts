import { copyFile, writeFile } from 'node:fs/promises'
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

/** The simulated browsers need no Public Suffix List (see mocks/client/registrable-domain.ts). */
export const tldtsStandIn = fileURLToPath(
  new URL('./mocks/client/registrable-domain.ts', import.meta.url),
)

export default defineConfig({
  resolve: { alias: { tldts: tldtsStandIn } },
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
    // Node prints class names (`Session { views: 1 }`, MemoryStore's name in the store panel):
    // minification must not rename the classes of the Express stack the worker runs.
    rolldownOptions: { output: { keepNames: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
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
