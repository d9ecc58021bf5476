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
import { evaluateExpression } from './evaluate-expression'
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
  const withGlobals = evaluateExpression(
    `${head}${pkg.source}\n}})`,
    `${pkg.directory}/index.js`,
  ) as (...globals: unknown[]) => (...args: unknown[]) => void
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

/**
 * Sends one statement of a store to its database, and tells the store inspector what was sent,
 * for which request (promise continuations lose it: it is taken when the statement is sent),
 * and how it ended.
 */
function reported<T>(
  send: () => Promise<T>,
  sql: string,
  params: Array<string | null>,
  countOf: (result: T) => number | null,
): Promise<T> {
  const requestId = currentRequestId()
  const report = (rowCount: number | null, error?: string) =>
    emitEvent({
      kind: 'store-query',
      ...(requestId === undefined ? {} : { requestId }),
      sql,
      params,
      rowCount,
      ...(error === undefined ? {} : { error }),
    })
  return send().then(
    (result) => {
      report(countOf(result))
      return result
    },
    (error: unknown) => {
      report(null, String((error as { message?: unknown })?.message ?? error))
      throw error
    },
  )
}

/** The host's Postgres, each statement reported. */
function postgresForRealm() {
  const postgres = host.postgres
  if (!postgres) throw new Error('the playground has no PostgreSQL server for this realm')
  return {
    ready: () => postgres.ready(),
    query: (sql: string, params: readonly unknown[]) =>
      reported(
        () => postgres.query(sql, params),
        sql,
        params.map(shownParam),
        (result) => result.rowCount,
      ),
  }
}

/** The host's MongoDB, each operation reported as the mongo shell spells it. */
function mongoForRealm() {
  const mongo = host.mongo
  if (!mongo) throw new Error('the playground has no MongoDB server for this realm')
  return {
    ready: () => mongo.ready(),
    run: (database: string, collection: string, operation: { op: string }) =>
      reported(
        () => mongo.run(database, collection, operation),
        mongo.describe(collection, operation),
        [],
        (result) => mongo.affected(result),
      ),
  }
}
