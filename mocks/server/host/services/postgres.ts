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

// A type-only import: the chunk itself still loads lazily, through import() below.
type Chunk = typeof PostgresChunk

export function createPostgresService(
  loadChunk: () => Promise<Chunk> = () => import('./postgres-chunk'),
): PostgresService {
  let chunk: Chunk | undefined
  let database: Promise<PgliteLike> | undefined
  let queue: Promise<unknown> = Promise.resolve()
  const watched = new Set<string>(['"session"'])
  const rows = new Map<string, SessionRow[]>()
  const listeners = new Set<(record: PostgresQueryRecord) => void>()

  const load = async () => {
    chunk ??= await loadChunk()
  }
  const boot = (): Promise<PgliteLike> => {
    if (!database) {
      database = load().then(() => (chunk as Chunk).bootPglite())
      // A failed boot is not cached: the next query tries again.
      database.catch(() => (database = undefined))
    }
    return database
  }
  /** Statements run one at a time, in order, as on one connection. */
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined)
    return result
  }

  async function refresh(db: PgliteLike): Promise<void> {
    for (const table of watched) {
      try {
        const result = await db.query(
          `SELECT sid, sess::text AS sess, expire::text AS expire FROM ${table} ORDER BY sid`,
        )
        rows.set(table, result.rows as unknown as SessionRow[])
      } catch {
        rows.delete(table)
      }
    }
  }

  async function run(sql: string, params: readonly unknown[]): Promise<PgQueryResult> {
    const db = await boot()
    let result: PgliteResult
    try {
      // Without parameters node-postgres sends a simple query, which may hold several
      // statements (connect-pg-simple's table.sql does); its result is the last one's.
      result =
        params.length === 0
          ? ((await db.exec(sql)).at(-1) ?? { rows: [], fields: [] })
          : await db.query(sql, [...params])
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      listeners.forEach((listener) => listener({ sql, params, rowCount: null, error: message }))
      throw error
    }
    await refresh(db)
    const rowCount = result.rowCount ?? result.affectedRows ?? null
    listeners.forEach((listener) => listener({ sql, params, rowCount }))
    return { command: result.command ?? null, rowCount, rows: result.rows, fields: result.fields }
  }

  return {
    get loaded() {
      return chunk !== undefined
    },
    load,
    packages: () => chunk?.packages,
    ready: () => serially(() => boot()).then(() => undefined),
    query: (sql, params) => serially(() => run(sql, params)),
    sessionRows: (table) => rows.get(table),
    watchTable: (table) => void watched.add(table),
    editSession(table, edit) {
      const current = rows.get(table) ?? []
      if (edit.kind === 'clear') rows.set(table, [])
      else {
        const others = current.filter((row) => row.sid !== edit.sid)
        const kept = current.find((row) => row.sid === edit.sid)
        if (edit.kind === 'write' && kept)
          rows.set(table, [...others, { ...kept, sess: edit.sess }])
        else rows.set(table, others)
      }
      const [sql, params] =
        edit.kind === 'clear'
          ? [`DELETE FROM ${table}`, []]
          : edit.kind === 'delete'
            ? [`DELETE FROM ${table} WHERE sid = $1`, [edit.sid]]
            : [`UPDATE ${table} SET sess = $1 WHERE sid = $2`, [edit.sess, edit.sid]]
      void serially(() => run(sql, params)).catch(() => undefined)
    },
    onQuery(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reset: () =>
      database
        ? serially(async () => {
            const db = await boot()
            await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
            rows.clear()
          })
        : Promise.resolve(),
  }
}

export { requiresPostgres } from './requires-postgres'
