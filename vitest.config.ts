import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'
import { tldtsStandIn } from './vite.config.ts'
import { lessonsPlugin } from './app/lesson-loader/vite-plugin-lessons.ts'

const [nodeMajor = 0, nodeMinor = 0] = process.versions.node.split('.').map(Number)
const sqliteNeedsFlag = nodeMajor === 22 && nodeMinor < 13

// Specs run in Node by default: the core (mocks/server, mocks/client) must work there unchanged.
// A spec that needs a DOM opts in with a comment on its first line:
//
//   // @vitest-environment jsdom
//
// With `globals: false` nothing is injected: import describe/it/expect from 'vitest', and call
// Testing Library's `cleanup()` in an `afterEach` (its auto-cleanup needs vitest globals).
export default defineConfig({
  plugins: [react(), lessonsPlugin(fileURLToPath(new URL('./lessons', import.meta.url)))],
  // The app swaps tldts for a stand-in (vite.config.ts); specs run tough-cookie the same way.
  resolve: { alias: { tldts: tldtsStandIn } },
  test: {
    server: { deps: { inline: ['tough-cookie'] } },
    include: ['app/**/*.test.{ts,tsx}', 'mocks/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/build/**', '**/dist/**'],
    environment: 'node',
    globals: false,
    // A listener that throws on an engine event fails the running test; the DOM specs' queries
    // wait long enough for jsdom 28 on a loaded machine (see the files).
    setupFiles: ['tests/support/fail-on-listener-errors.ts', 'tests/support/dom-query-window.ts'],
    // Two cores: one fork per core. Forks (the default) isolate each spec file in a child process,
    // so a spec that leaves a Chromium or a server open cannot hang the others' workers.
    pool: 'forks',
    // node:sqlite (which a Chromium-profile spec uses) needs a flag before Node 22.13.
    execArgv: sqliteNeedsFlag ? ['--experimental-sqlite', '--no-warnings=ExperimentalWarning'] : [],
    maxWorkers: 2,
    testTimeout: 20_000,
    // beforeAll hooks launch Chromium or build fixtures; give them the same headroom as tests.
    hookTimeout: 20_000,
    teardownTimeout: 10_000,
  },
})
