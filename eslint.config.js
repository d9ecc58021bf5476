import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { importDirections } from './scripts/support/import-directions.js'

// The pure core (see STYLE.md, "Pure core, thin adapters") runs in Node tests and in the browser
// worker alike, so it may not reach for the UI, the state store, MSW, the DOM or the app.
const PURE_CORE_FILES = [
  'mocks/server/**',
  'mocks/client/**',
  'mocks/sim-http.ts',
  'app/lesson-loader/**',
]
const PURE_CORE_MESSAGE =
  'mocks/server, mocks/client and app/lesson-loader are the pure core: no React, zustand, MSW, ' +
  'DOM or app/ imports. Wrap the core in an adapter under app/ or mocks/ instead.'

export default defineConfig([
  globalIgnores([
    'build/',
    'dist/',
    'node_modules/',
    'coverage/',
    'public/mockServiceWorker.js',
    '.test-results/',
    'screenshots/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'session-playground/everywhere',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // typescript-eslint's version understands types and also covers the .js/.mjs files.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // No-op callbacks (`() => {}`) are normal in handlers, stubs and tests.
      '@typescript-eslint/no-empty-function': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Node-style code (the node-compat layer, lesson servers) uses `cb && cb()` and
      // `cond ? a() : b()` as statements; bare expressions like `a.b` are still reported.
      '@typescript-eslint/no-unused-expressions': [
        'error',
        { allowShortCircuit: true, allowTernary: true, allowTaggedTemplates: true },
      ],
      // The node-compat layer records instances (`listeningServer = this`) as Node does; with
      // arrow functions the old `const self = this` closure pattern has no reason to appear.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },

  {
    // Declaration files describe code we do not type ourselves (untyped vendor modules, host
    // globals). Ambient globals must be `declare var` to appear on `globalThis`, as in
    // TypeScript's own lib, and listener signatures are `(...args: any[]) => void` so that any
    // listener is assignable; `unknown[]` would reject every typed one.
    name: 'session-playground/declarations',
    files: ['**/*.d.ts', '**/*.d.mts'],
    rules: { 'no-var': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    name: 'session-playground/node-scripts',
    files: ['scripts/**', '.ci/**', '*.config.{js,ts,mjs}', 'tests/**'],
    languageOptions: { globals: globals.node },
  },

  {
    // Lesson and sample servers are plain Express apps, loaded as CommonJS by the simulated
    // server (and by Node in the differential tests).
    name: 'session-playground/express-servers',
    files: ['lessons/**/*.{js,cjs}', 'mocks/server/samples/**/*.{js,cjs}', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Express tells error handlers from middleware by arity: `(err, req, res, next)` must keep
      // its unused `next`.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }],
    },
  },

  {
    name: 'session-playground/app',
    files: ['app/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  {
    // Which folder may import which: see scripts/support/import-directions.js.
    name: 'session-playground/import-directions',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: importDirections(readdirSync(new URL('./app/features', import.meta.url))),
        },
      ],
    },
  },
  {
    // `import('…').Type` names a module without an import declaration, where the directions
    // above cannot see it; `import type` says the same and is checked.
    name: 'session-playground/visible-type-imports',
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.d.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSImportType',
          message: "Name the type with an `import type` declaration, not `import('…')`.",
        },
      ],
    },
  },
  {
    // Specs drive the realm through the host's API and may reach any module they pin; the
    // directions between features, and through the doors, hold for them too.
    name: 'session-playground/import-directions-in-specs',
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: importDirections(readdirSync(new URL('./app/features', import.meta.url)), {
            specs: true,
          }),
        },
      ],
    },
  },

  {
    // Panels read the store through usePlaygroundState, whose view has no setters; only the
    // controller (app/playground) and main.tsx, which hands the store to it, hold the store itself.
    name: 'session-playground/controller-is-the-only-writer',
    files: ['app/features/**', 'app/layout/**', 'app/shared/**', 'app/App.tsx'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)state/store$',
              importNames: ['playgroundStore'],
              message:
                'Panels read state with usePlaygroundState (state/use-playground-state) and change it through the Playground.',
            },
            {
              group: ['zustand', 'zustand/*'],
              message: 'Only app/state binds zustand; panels use usePlaygroundState.',
            },
          ],
        },
      ],
    },
  },

  {
    name: 'session-playground/pure-core',
    files: PURE_CORE_FILES,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map(
          (name) => ({ name, message: PURE_CORE_MESSAGE }),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'zustand',
                'zustand/*',
                'msw',
                'msw/*',
                '@mswjs/*',
              ],
              message: PURE_CORE_MESSAGE,
            },
            {
              // From mocks/server/** or mocks/client/**, app/ is at least two levels up
              // (`../../app/…`), or `/app/…` from the Vite root.
              regex: '^(?:(?:\\.\\./){2,}|/)app(?:/|$)',
              message: PURE_CORE_MESSAGE,
            },
          ],
        },
      ],
    },
  },
])
