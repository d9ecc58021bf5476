// Which folder may import which, as zones for import-x's no-restricted-paths (eslint.config.js).
// Paths are relative to the project root; `except` paths are relative to `from`.
//
//   app/features/<one>  →  app/shared, app/state, app/playground, app/lesson-loader, the doors
//   app/                →  mocks/server/index.ts, mocks/client/index.ts, mocks/browser.ts
//   mocks/client, MSW adapters  →  mocks/server/index.ts (mocks/browser.ts also names the
//                                   server worker's entry, by URL only)
//   mocks/server/host   →  mocks/server/realm (its types: realm-types.ts), explain
//   realm entry, loader, registry  →  instrument, node-compat, stand-ins  →  realm basics
//   nothing in mocks/   →  app/

/** Realm modules every layer of the realm may use; they import no layer above them. */
export const REALM_BASICS = [
  'realm-host.ts',
  'realm-types.ts',
  'crash.ts',
  'tick-queue.ts',
  'request-context.ts',
  'describe-error.ts',
  'event-sink.ts',
]

const REALM = 'mocks/server/realm'

/**
 * @param {readonly string[]} features the folder names under app/features
 * @param {{ specs?: boolean }} [options] specs may drive a realm through the host's API
 */
export function importDirections(features, { specs = false } = {}) {
  const zones = [
    ...features.map((feature) => ({
      target: `app/features/${feature}`,
      from: 'app/features',
      except: [`./${feature}`],
      message:
        'A feature never imports another feature: put what both need in app/shared, or let the Playground carry it.',
    })),
    {
      target: 'app/shared',
      from: 'app/features',
      message: 'app/shared serves the features and never imports one.',
    },
    ...[
      { target: 'app/**/!(vite-plugin-lessons).{ts,tsx}', except: [] },
      // The lessons plugin runs in Node with Vite's config, at build time: it reads the
      // explanation catalogue itself rather than loading the whole host through the door.
      {
        target: 'app/lesson-loader/vite-plugin-lessons.ts',
        except: ['./server/explain/explanation-catalogue.ts'],
      },
    ].map(({ target, except }) => ({
      target,
      from: 'mocks',
      except: [
        './server/index.ts',
        './client/index.ts',
        './browser.ts',
        './server/samples',
        ...except,
      ],
      message:
        'app/ reaches the simulated server and browsers only through their doors: mocks/server (index.ts), mocks/client (index.ts) and the MSW adapter mocks/browser.ts.',
    })),
    {
      target: [
        'mocks/client',
        'mocks/sim-http.ts',
        'mocks/handlers.ts',
        'mocks/sandboxed-server-worker.ts',
        'mocks/node.ts',
      ],
      from: 'mocks/server',
      except: ['./index.ts'],
      message:
        'The simulated browsers and the MSW adapters reach the server through its door, mocks/server/index.ts.',
    },
    {
      // The worker's entry is loaded by URL into its sandbox, never imported as code.
      target: 'mocks/browser.ts',
      from: 'mocks/server',
      except: ['./index.ts', './worker-url.ts'],
      message:
        'The MSW adapter reaches the server through its door, mocks/server/index.ts, and names the worker entry by URL only.',
    },
    {
      target: 'mocks',
      from: 'app',
      message: 'The simulated server and browsers never import the app.',
    },
  ]
  if (specs) return zones
  return [
    ...zones,
    {
      target: REALM,
      from: ['mocks/server/host', 'mocks/server/explain', 'mocks/server/index.ts'],
      message:
        'Realm code never imports host code: what a realm knows of the outside is the host interface in realm/realm-types.ts, lent to it at creation.',
    },
    ...['node-compat', 'instrument'].map((layer) => ({
      target: `${REALM}/${layer}`,
      from: REALM,
      except: [`./${layer}`, ...REALM_BASICS.map((basic) => `./${basic}`)],
      message: `realm/${layer} imports only its own folder and the realm basics (${REALM_BASICS.join(', ')}).`,
    })),
    {
      target: REALM_BASICS.map((basic) => `${REALM}/${basic}`),
      from: [`${REALM}/node-compat`, `${REALM}/instrument`, `${REALM}/stand-ins`],
      message: 'The realm basics sit under every other realm layer and import none of them.',
    },
  ]
}
