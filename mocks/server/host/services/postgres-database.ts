/**
 * The database behind the Postgres service, in its lazy chunk: statements run one at a time on
 * PGlite, and the watched session tables are read again after each, for the store inspector.
 */
import type { PgQueryResult, SessionRow } from '../../realm/realm-types'
import type { PgliteLike, PgliteResult, PostgresDatabase, PostgresQueryRecord } from './postgres'

export function createPostgresDatabase(
  bootPglite: () => Promise<PgliteLike>,
  watched: ReadonlySet<string>,
  listeners: ReadonlySet<(record: PostgresQueryRecord) => void>,
): PostgresDatabase {
  let database: Promise<PgliteLike> | undefined
  let queue: Promise<unknown> = Promise.resolve()
  const rows = new Map<string, SessionRow[]>()

  const boot = (): Promise<PgliteLike> => {
    if (!database) {
      database = bootPglite()
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
    ready: () => serially(() => boot()).then(() => undefined),
    query: (sql, params) => serially(() => run(sql, params)),
    sessionRows: (table) => rows.get(table),
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
