import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'

/**
 * The site is served from a sub-path on GitHub Pages (`/<repo>/`); BASE_PATH chooses another
 * (e.g. `/` for a root host). The MSW worker script is emitted at the base, and registered with
 * the base as its scope.
 */
const base = process.env.BASE_PATH ?? '/session-playground/'

export default defineConfig({
  base: base.endsWith('/') ? base : `${base}/`,
  plugins: [react(), msw({ mode: 'worker-only' })],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
})
