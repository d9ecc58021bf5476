/**
 * The playground's MongoDB server, simulated (no mongod can run in a browser): it lives in the
 * host, outside the realm, so — like a database server — it keeps its collections when the
 * Express server restarts, and instances of one app share it. Its TTL monitor passes every 60 s
 * of virtual time. The server and the packages that talk to it come in a lazy chunk, loaded only
 * when a server requires `mongodb` or `connect-mongo`; other servers load no byte of it.
 */
import type { LazyPackage, MongoDocument, RealmMongo } from '../../realm/realm-types'
import type * as MongoChunk from './mongo-chunk'
import type { MongoDatabaseServer, MongoOperation } from './mongo-database'

export type { MongoDocument }

export interface MongoService extends RealmMongo {
  readonly loaded: boolean
  /** Loads the lazy chunk and starts the server. */
  load(): Promise<void>
  /** The packages of the lazy chunk, once loaded. */
  packages(): Readonly<Record<string, LazyPackage>> | undefined
  /** When the TTL monitor passes next (virtual ms), once the server runs. */
  nextTtlPass(): number | undefined
  /** No server until the next load: a new lesson starts an empty one, its TTL monitor's rhythm afresh. */
  reset(): void
}

// A type-only import: the chunk itself still loads lazily, through import() below.
type Chunk = typeof MongoChunk

export function createMongoService(
  now: () => number,
  loadChunk: () => Promise<Chunk> = () => import('./mongo-chunk'),
): MongoService {
  let chunk: Chunk | undefined
  let server: MongoDatabaseServer | undefined

  const load = async () => {
    chunk ??= await loadChunk()
    server ??= new chunk.MongoDatabaseServer({ now })
  }
  const running = (): MongoDatabaseServer => {
    if (!server) throw new Error('the playground has not started its MongoDB server')
    return server
  }

  return {
    get loaded() {
      return chunk !== undefined
    },
    load,
    packages: () => chunk?.packages,
    ready: () => load(),
    run: async (database, collection, operation) =>
      running().run(database, collection, operation as MongoOperation),
    describe: (collection, operation) =>
      chunk ? chunk.describeMongoOperation(collection, operation) : operation.op,
    affected: (result) => chunk?.affectedCount(result) ?? null,
    sessions: (database, collection) =>
      server && chunk ? chunk.sessionsOf(server.documents(database, collection)) : [],
    editDocuments(database, collection, edit) {
      if (!server) return
      const filter = edit.kind === 'clear' ? {} : { _id: edit.id }
      if (edit.kind === 'set-field')
        server.run(database, collection, {
          op: 'updateOne',
          filter,
          update: { $set: { [edit.field]: edit.value } },
        })
      else server.run(database, collection, { op: 'deleteMany', filter })
    },
    nextTtlPass: () => server?.nextTtlPass(),
    reset: () => {
      server = undefined
    },
  }
}

export { requiresMongo } from './requires-mongo'
