/**
 * The playground's PostgreSQL server: a PGlite (real Postgres, compiled to WebAssembly) that
 * lives in the host, outside the realm, so — like a database server — it keeps its tables when
 * the Express server restarts, and instances of one app share it. PGlite and the packages that
 * talk to it come in a lazy chunk, loaded only when a server requires `pg` or
 * `connect-pg-simple`; other servers load no byte of it.
 */
import type { LazyPackage, PgQueryResult, RealmPostgres, SessionRow } from '../../realm/realm-types'

import type * as PostgresChunk from './postgres-chunk'

export type { LazyPackage, PgQueryResult, SessionRow }

export interface PgliteResult {
  rows: Record<string, unknown>[]
  fields: { name: string; dataTypeID: number }[]
  command?: string
  affectedRows?: number
  rowCount?: number
}

/** The part of PGlite's API the service uses. */
export interface PgliteLike {
  query(sql: string, params?: unknown[]): Promise<PgliteResult>
  exec(sql: string): Promise<PgliteResult[]>
}

/** One statement the database ran, for the store inspector's SQL log. */
export interface PostgresQueryRecord {
  sql: string
  params: readonly unknown[]
  rowCount: number | null
  /** Postgres's own message, when the statement failed. */
  error?: string
}

export interface PostgresService extends RealmPostgres {
  readonly loaded: boolean
  /** Loads the lazy chunk (PGlite boots on the first query). */
  load(): Promise<void>
  /** The packages of the lazy chunk, once loaded. */
  packages(): Readonly<Record<string, LazyPackage>> | undefined
  onQuery(listener: (record: PostgresQueryRecord) => void): () => void
  /** An empty database again (a new lesson), if one was ever started. */
  reset(): Promise<void>
}

/** What the lazy chunk runs the service's statements on. */
export type PostgresDatabase = Pick<
  PostgresService,
  'ready' | 'query' | 'sessionRows' | 'editSession' | 'reset'
>

// A type-only import: the chunk itself still loads lazily, through import() below.
type Chunk = typeof PostgresChunk

export function createPostgresService(
  loadChunk: () => Promise<Chunk> = () => import('./postgres-chunk'),
): PostgresService {
  let chunk: Chunk | undefined
  let database: PostgresDatabase | undefined
  let loading: Promise<PostgresDatabase> | undefined
  const watched = new Set<string>(['"session"'])
  const listeners = new Set<(record: PostgresQueryRecord) => void>()

  // One load for all callers, so that statements asked for meanwhile run in the order asked.
  const loaded = (): Promise<PostgresDatabase> => {
    if (database) return Promise.resolve(database)
    loading ??= loadChunk().then(
      (loadedChunk) => {
        chunk = loadedChunk
        return (database = loadedChunk.createDatabase(watched, listeners))
      },
      (error: unknown) => {
        // A failed load is not cached: the next query tries again.
        loading = undefined
        throw error
      },
    )
    return loading
  }
  // Once loaded, a statement is queued at once, in the order of the calls, as before the load.
  const withDatabase = <T>(task: (db: PostgresDatabase) => Promise<T>): Promise<T> =>
    database ? task(database) : loaded().then(task)

  return {
    get loaded() {
      return chunk !== undefined
    },
    load: () => loaded().then(() => undefined),
    packages: () => chunk?.packages,
    ready: () => withDatabase((db) => db.ready()),
    query: (sql, params) => withDatabase((db) => db.query(sql, params)),
    sessionRows: (table) => database?.sessionRows(table),
    watchTable: (table) => void watched.add(table),
    editSession(table, edit) {
      void withDatabase(async (db) => db.editSession(table, edit)).catch(() => undefined)
    },
    onQuery(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reset: () => database?.reset() ?? Promise.resolve(),
  }
}

export { requiresPostgres } from './requires-postgres'
