/**
 * Packages that reach the realm as source, from a lazy chunk the host loaded before server.js
 * ran (`pg` and the real connect-pg-simple, see host/services/postgres.ts; the simulated
 * `mongodb` and the real connect-mongo, see host/services/mongo.ts). Each is
 * evaluated once per realm as a CommonJS module, with the realm's globals, under its own
 * `__dirname`; the realm's `fs` serves the package's own files read-only (every other path
 * still answers ENOENT).
 */
import { host } from './realm-host'
import { GLOBAL_PARAMETERS } from './commonjs-loader'
import { serveReadOnlyFile } from './node-compat/fs'
import { currentRequestId } from './request-context'
import { emitEvent } from './event-sink'
import * as debugModule from './stand-ins/debug'

const evaluated = new Map<string, unknown>()

type Require = (specifier: string) => unknown

// Their files are on the realm's disk from the start, read-only, as node_modules would be.
for (const pkg of Object.values(host.lazyPackages ?? {})) {
  for (const [name, text] of Object.entries(pkg.files)) {
    serveReadOnlyFile(`${pkg.directory}/${name}`, text)
  }
}

/** The exports of a lazy package, or undefined when the host has none of that name. */
export function lazyPackage(name: string, lookup: Require): { exports: unknown } | undefined {
  if (evaluated.has(name)) return { exports: evaluated.get(name) }
  const pkg = host.lazyPackages?.[name]
  if (!pkg) return undefined
  const require: Require = (specifier) => {
    if (specifier === '#postgres') return postgresForRealm()
    if (specifier === '#mongo') return mongoForRealm()
    // The realm's debug, whose lines become debug events (connect-mongo's among them).
    if (specifier === 'debug') return debugModule['module.exports']
    const renamed = pkg.requires?.[specifier]
    if (renamed !== undefined) return lazyPackage(renamed, lookup)?.exports
    return lookup(specifier)
  }
  const module = { exports: {} as unknown }
  const head = `(function (${Object.keys(GLOBAL_PARAMETERS).join(', ')}) { return function (exports, require, module, __filename, __dirname) {`
  const code = `${head}${pkg.source}\n}})\n//# sourceURL=${pkg.directory}/index.js`
  const indirectEval = globalThis.eval
  const withGlobals = indirectEval(code) as (...globals: unknown[]) => (...args: unknown[]) => void
  // Cached before it runs, as Node's module cache is, so a require cycle ends.
  evaluated.set(name, module.exports)
  withGlobals(...Object.values(GLOBAL_PARAMETERS)).call(
    module.exports,
    module.exports,
    require,
    module,
    `${pkg.directory}/index.js`,
    pkg.directory,
  )
  evaluated.set(name, module.exports)
  return { exports: module.exports }
}

const shownParam = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? value
      : `<${(value as Uint8Array).length ?? 0} bytes>`

/** The host's Postgres, telling the store inspector each statement and the request it served. */
function postgresForRealm() {
  const postgres = host.postgres
  if (!postgres) throw new Error('the playground has no PostgreSQL server for this realm')
  return {
    ready: () => postgres.ready(),
    query: (sql: string, params: readonly unknown[]) => {
      // Promise continuations lose the request; the statement is attributed when it is sent.
      const requestId = currentRequestId()
      const report = (outcome: { rowCount: number | null } | { error: string }) =>
        emitEvent({
          kind: 'store-query',
          ...(requestId === undefined ? {} : { requestId }),
          sql,
          params: params.map(shownParam),
          rowCount: 'rowCount' in outcome ? outcome.rowCount : null,
          ...('error' in outcome ? { error: outcome.error } : {}),
        })
      return postgres.query(sql, params).then(
        (result) => {
          report({ rowCount: result.rowCount })
          return result
        },
        (error: unknown) => {
          report({ error: error instanceof Error ? error.message : String(error) })
          throw error
        },
      )
    },
  }
}

/** The host's MongoDB, telling the store inspector each operation and the request it served. */
function mongoForRealm() {
  const mongo = host.mongo
  if (!mongo) throw new Error('the playground has no MongoDB server for this realm')
  return {
    ready: () => mongo.ready(),
    run: (database: string, collection: string, operation: { op: string }) => {
      const requestId = currentRequestId()
      const report = (outcome: { rowCount: number | null } | { error: string }) =>
        emitEvent({
          kind: 'store-query',
          ...(requestId === undefined ? {} : { requestId }),
          sql: mongo.describe(collection, operation),
          params: [],
          rowCount: 'rowCount' in outcome ? outcome.rowCount : null,
          ...('error' in outcome ? { error: outcome.error } : {}),
        })
      return mongo.run(database, collection, operation).then(
        (result) => {
          report({ rowCount: affectedCount(result) })
          return result
        },
        (error: unknown) => {
          report({ error: String((error as { message?: unknown })?.message ?? error) })
          throw error
        },
      )
    },
  }
}

/** How many documents an operation found, changed or removed, where it says so. */
function affectedCount(result: unknown): number | null {
  if (Array.isArray(result)) return result.length
  if (typeof result === 'number') return result
  const counts = result as { deletedCount?: number; matchedCount?: number; upsertedCount?: number }
  if (typeof counts?.deletedCount === 'number') return counts.deletedCount
  if (typeof counts?.matchedCount === 'number')
    return counts.matchedCount + (counts.upsertedCount ?? 0)
  return null
}
