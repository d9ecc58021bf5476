/**
 * The lazy Postgres chunk: PGlite, and the sources of the two packages a server evaluates in its
 * realm — our `pg` and the real, unmodified connect-pg-simple with its table.sql. Only a server
 * that requires `pg` or `connect-pg-simple` loads it (postgres.ts imports it dynamically).
 */
import { PGlite } from '@electric-sql/pglite'
import pgSource from '../../realm/stand-ins/pg.cjs?raw'
import connectPgSimpleSource from '../../../../node_modules/connect-pg-simple/index.js?raw'
import connectPgSimpleTable from '../../../../node_modules/connect-pg-simple/table.sql?raw'
import type { LazyPackage, PgliteLike, PostgresDatabase, PostgresQueryRecord } from './postgres'
import { createPostgresDatabase } from './postgres-database'

export const packages: Record<string, LazyPackage> = {
  pg: { source: pgSource, directory: '/app/node_modules/pg/lib', files: {} },
  'connect-pg-simple': {
    source: connectPgSimpleSource,
    directory: '/app/node_modules/connect-pg-simple',
    files: { 'table.sql': connectPgSimpleTable },
  },
}

let databasesBooted = 0
let template: Promise<Blob> | undefined

/**
 * A new empty database. PGlite runs initdb on every fresh start (seconds); from the second
 * database on (each Node-side test server has its own) it starts from a copy of an empty data
 * directory instead, made once.
 */
export async function bootPglite(): Promise<PgliteLike> {
  if (++databasesBooted === 1) return (await PGlite.create()) as unknown as PgliteLike
  if (!template) {
    template = PGlite.create().then(async (empty) => {
      try {
        return await empty.dumpDataDir('none')
      } finally {
        await empty.close()
      }
    })
    template.catch(() => (template = undefined))
  }
  const loadDataDir = await template
  return (await PGlite.create({ loadDataDir })) as unknown as PgliteLike
}

/** The database of one Postgres service: PGlite boots on its first statement. */
export function createDatabase(
  watched: ReadonlySet<string>,
  listeners: ReadonlySet<(record: PostgresQueryRecord) => void>,
): PostgresDatabase {
  return createPostgresDatabase(bootPglite, watched, listeners)
}
