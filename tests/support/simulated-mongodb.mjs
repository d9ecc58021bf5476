// The simulated MongoDB outside the browser: the very driver stand-in that `require('mongodb')`
// gives server code in the playground (mocks/server/realm/stand-ins/mongodb.cjs), on the very
// server it talks to there (mocks/server/host/services/mongo-database.ts). No mongod can run
// here, so this is what the Node-side lesson replay and the connect-mongo specs use: the real
// connect-mongo, unmodified, whatever `mongodb` its own require would find.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MongoDatabaseServer } from '../../mocks/server/host/services/mongo-database.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'))
const DRIVER_FILE = path.join(ROOT, 'mocks/server/realm/stand-ins/mongodb.cjs')
const CONNECT_MONGO_FILE = requireFromRoot.resolve('connect-mongo')

/** Evaluates a CommonJS file with some of its requires answered by `overrides`. */
function evaluate(file, overrides) {
  const module = { exports: {} }
  const requireNext = createRequire(file)
  const require = (specifier) =>
    Object.hasOwn(overrides, specifier) ? overrides[specifier] : requireNext(specifier)
  const wrapper = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    readFileSync(file, 'utf8'),
  )
  wrapper(module.exports, require, module, file, path.dirname(file))
  return module.exports
}

/**
 * A MongoDB server and the driver that talks to it. With `file`, the server's data is read from
 * and written to that file around every operation, so it outlives the process (a restart).
 */
export function simulatedMongo({ now = () => Date.now(), file } = {}) {
  const server = new MongoDatabaseServer({ now })
  const load = () => {
    if (file && existsSync(file)) server.importState(readFileSync(file, 'utf8'))
  }
  const save = () => {
    if (file) writeFileSync(file, server.exportState())
  }
  load()
  const host = {
    ready: async () => {},
    run: async (database, collection, operation) => {
      load()
      try {
        return server.run(database, collection, operation)
      } finally {
        save()
      }
    },
  }
  const driver = evaluate(DRIVER_FILE, { '#mongo': host })
  return {
    server,
    driver,
    /** connect-mongo itself, requiring this driver as `mongodb`. */
    connectMongo: () => evaluate(CONNECT_MONGO_FILE, { mongodb: driver }),
    /** _id → parsed session of a connect-mongo store, as the store inspector shows them. */
    entries(store) {
      load()
      const options = store.options
      const fromUrl =
        typeof options.mongoUrl === 'string'
          ? /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(options.mongoUrl)?.[1]
          : undefined
      const database =
        options.dbName ??
        options.client?.options?.dbName ??
        (fromUrl ? decodeURIComponent(fromUrl) : 'test')
      return Object.fromEntries(
        server
          .documents(database, options.collectionName)
          .map((document) => [
            String(document._id),
            typeof document.session === 'string' ? JSON.parse(document.session) : document.session,
          ]),
      )
    },
  }
}
