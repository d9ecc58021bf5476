// The Node side's `require('pg')` when the test gives it a real PostgreSQL
// (DIFFERENTIAL_DATABASE_URL, a database of its own): the real node-postgres package, whose
// Pool and Client connect there whatever server.js names (its URL means nothing here), as
// connect-pg-simple's own pool does. The runner reads session tables back through a client
// of its own.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function realPostgresModule(url) {
  const pg = require('pg')
  // Statements in flight, so that a step can wait for what a timer sent (a prune's DELETE).
  const pending = new Set()
  const track = (promise) => {
    pending.add(promise)
    const settled = () => pending.delete(promise)
    promise.then(settled, settled)
    return promise
  }
  class Pool extends pg.Pool {
    constructor(options) {
      super({ ...options, connectionString: url })
    }
    query(...args) {
      const callback = typeof args.at(-1) === 'function' ? args.pop() : undefined
      const promise = track(super.query(...args))
      if (!callback) return promise
      promise.then(
        (result) => callback(null, result),
        (error) => callback(error),
      )
      return undefined
    }
  }
  class Client extends pg.Client {
    constructor(options) {
      super({ ...(typeof options === 'string' ? {} : options), connectionString: url })
    }
  }
  let inspector
  const inspect = async () => {
    if (!inspector) {
      inspector = new pg.Client({ connectionString: url })
      inspector.on('error', () => {})
      await inspector.connect()
    }
    return inspector
  }
  return {
    module: { ...pg, Pool, Client },

    /** Resolves once no statement sent through the module's pools is in flight. */
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },

    /** sid → parsed `sess`, as the simulated store inspector shows a table; null without one. */
    async entries(quotedTable) {
      const client = await inspect()
      try {
        const { rows } = await client.query(
          `SELECT sid, sess::text AS sess FROM ${quotedTable} ORDER BY sid`,
        )
        return Object.fromEntries(rows.map((row) => [row.sid, JSON.parse(row.sess)]))
      } catch {
        return {}
      }
    },
  }
}
