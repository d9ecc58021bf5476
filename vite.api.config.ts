/**
 * Builds the Node API (mocks/server/host/api.ts) as a plain ES module, build/server/api.js, for
 * scripts that run on Node without a TypeScript step (npm run bench, outside suites). It imports
 * the realm bundle built by vite.realm.config.ts rather than copying it.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const realmBundle = fileURLToPath(new URL('./build/realm/realm.js', import.meta.url))

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'build/server',
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    ssr: true,
    lib: {
      entry: fileURLToPath(new URL('./mocks/server/host/api.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'api.js',
    },
    rolldownOptions: {
      external: (id) => id === realmBundle || id.endsWith('/build/realm/realm.js'),
      output: { paths: (id) => (id.endsWith('/build/realm/realm.js') ? '../realm/realm.js' : id) },
    },
  },
})
