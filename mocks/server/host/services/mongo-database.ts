/**
 * The playground's MongoDB server: databases of collections of documents, with filters, updates
 * and sorts evaluated by mingo (MongoDB's query language in JavaScript), the `_id` index's
 * uniqueness, and TTL indexes removed by a monitor that runs every 60 s, as mongod's does — so an
 * expired document stays until the next pass. No real mongod can run here; this is a simulation
 * of the part of the server a session store touches.
 *
 * Its relative imports name their `.ts` files, so the Node-side lesson replay can load this
 * very file (Node strips the types).
 */
import type { Query } from 'mingo/query'
import {
  applyModifier,
  bsonCopy,
  equalityFields,
  failure,
  isFailure,
  isPlainObject,
  newQuery,
  randomHexId,
  sameValue,
  showValue,
  ttlExpired,
  type MongoDocument,
  type MongoServerFailure,
} from './mongo-documents.ts'

export { bsonCopy, type MongoDocument, type MongoServerFailure }

/** mongod's TTL monitor wakes up once a minute (ttlMonitorSleepSecs). */
export const TTL_MONITOR_INTERVAL_MS = 60_000

export interface IndexSpec {
  name: string
  key: Record<string, 1 | -1>
  expireAfterSeconds?: number
  unique?: boolean
}

export type MongoOperation =
  | { op: 'insertOne'; document: MongoDocument }
  | { op: 'insertMany'; documents: MongoDocument[] }
  | {
      op: 'find'
      filter: MongoDocument
      sort?: Record<string, 1 | -1>
      skip?: number
      limit?: number
      projection?: MongoDocument
    }
  | { op: 'countDocuments'; filter: MongoDocument }
  | {
      op: 'updateOne' | 'updateMany'
      filter: MongoDocument
      update: MongoDocument
      upsert?: boolean
    }
  | { op: 'replaceOne'; filter: MongoDocument; replacement: MongoDocument; upsert?: boolean }
  | { op: 'deleteOne' | 'deleteMany'; filter: MongoDocument }
  | {
      op: 'createIndex'
      key: Record<string, 1 | -1>
      options: { name?: string; expireAfterSeconds?: number; unique?: boolean }
    }
  | { op: 'listIndexes' }
  | { op: 'drop' }

export interface MongoDatabaseOptions {
  /** Virtual time, ms since the epoch: what `$currentDate` writes and the TTL monitor reads. */
  now: () => number
  /** Makes an `_id` for a document inserted without one (the driver's ObjectId, normally). */
  newId?: () => unknown
}

type Collection = { documents: MongoDocument[]; indexes: IndexSpec[] }

const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 } }
export class MongoDatabaseServer {
  private readonly databases = new Map<string, Map<string, Collection>>()
  private readonly options: MongoDatabaseOptions
  /** The monitor's first pass is one interval after the server started. */
  private startedAt: number
  private lastPass: number

  constructor(options: MongoDatabaseOptions) {
    this.options = options
    this.startedAt = options.now()
    this.lastPass = this.startedAt
  }

  /**
   * Runs the passes of the TTL monitor that fell due by now. A pass removes what had expired
   * at its own time, so documents that expired after the last pass linger until the next one.
   */
  runTtlMonitor(): number {
    const now = this.options.now()
    const passes = Math.floor((now - this.startedAt) / TTL_MONITOR_INTERVAL_MS)
    const passAt = this.startedAt + passes * TTL_MONITOR_INTERVAL_MS
    if (passAt <= this.lastPass) return 0
    this.lastPass = passAt
    let removed = 0
    for (const collections of this.databases.values())
      for (const collection of collections.values()) {
        for (const index of collection.indexes) {
          if (index.expireAfterSeconds === undefined) continue
          const [field] = Object.keys(index.key)
          if (field === undefined) continue
          const before = collection.documents.length
          collection.documents = collection.documents.filter(
            (document) => !ttlExpired(document[field], index.expireAfterSeconds ?? 0, passAt),
          )
          removed += before - collection.documents.length
        }
      }
    return removed
  }

  /**
   * The whole server as text (dates marked `{ $date: ms }`), for a server that outlives its
   * process: the Node-side replay keeps it in a file between two starts of server.js.
   */
  exportState(): string {
    const databases = [...this.databases].map(([database, collections]) => [
      database,
      [...collections],
    ])
    return JSON.stringify(
      { startedAt: this.startedAt, lastPass: this.lastPass, databases },
      function (this: Record<string, unknown>, key, value: unknown) {
        const original = this[key]
        return original instanceof Date ? { $date: original.getTime() } : value
      },
    )
  }

  importState(text: string): void {
    const state = JSON.parse(text, (_key, value: unknown) =>
      isPlainObject(value) && typeof value.$date === 'number' && Object.keys(value).length === 1
        ? new Date(value.$date)
        : value,
    ) as {
      startedAt: number
      lastPass: number
      databases: [string, [string, Collection][]][]
    }
    this.startedAt = state.startedAt
    this.lastPass = state.lastPass
    this.databases.clear()
    for (const [database, collections] of state.databases)
      this.databases.set(
        database,
        new Map(
          collections.map(([name, collection]) => [
            name,
            {
              documents: collection.documents,
              indexes: collection.indexes.map((index) =>
                index.name === '_id_' ? ID_INDEX : index,
              ),
            },
          ]),
        ),
      )
  }

  /** When the monitor passes next (virtual ms), for the inspector and the lessons. */
  nextTtlPass(): number {
    const now = this.options.now()
    const passes = Math.floor((now - this.startedAt) / TTL_MONITOR_INTERVAL_MS) + 1
    return this.startedAt + passes * TTL_MONITOR_INTERVAL_MS
  }

  /** The stored documents of one collection, copies, in insertion order. */
  documents(database: string, collection: string): MongoDocument[] {
    this.runTtlMonitor()
    return (this.databases.get(database)?.get(collection)?.documents ?? []).map(bsonCopy)
  }

  collectionNames(database: string): string[] {
    return [...(this.databases.get(database)?.keys() ?? [])]
  }

  /** One operation; results and documents are copies. Server errors are thrown as MongoServerFailure. */
  run(database: string, name: string, operation: MongoOperation): unknown {
    this.runTtlMonitor()
    const result = this.apply(database, name, operation)
    if (isFailure(result)) throw result
    return result
  }

  private collection(database: string, name: string, create: boolean): Collection | undefined {
    let collections = this.databases.get(database)
    if (!collections) {
      if (!create) return undefined
      collections = new Map()
      this.databases.set(database, collections)
    }
    let collection = collections.get(name)
    if (!collection && create) {
      collection = { documents: [], indexes: [ID_INDEX] }
      collections.set(name, collection)
    }
    return collection
  }

  private apply(database: string, name: string, operation: MongoOperation): unknown {
    const namespace = `${database}.${name}`
    switch (operation.op) {
      case 'insertOne': {
        const collection = this.collection(database, name, true) as Collection
        const document = this.withId(bsonCopy(operation.document))
        const duplicate = this.duplicateOf(collection, namespace, document)
        if (duplicate) return duplicate
        collection.documents.push(document)
        return { insertedId: document._id }
      }
      case 'insertMany': {
        const insertedIds: Record<number, unknown> = {}
        for (const [index, original] of operation.documents.entries()) {
          const inserted = this.apply(database, name, { op: 'insertOne', document: original })
          if (isFailure(inserted)) return inserted
          insertedIds[index] = (inserted as { insertedId: unknown }).insertedId
        }
        return { insertedCount: operation.documents.length, insertedIds }
      }
      case 'find': {
        const documents = this.collection(database, name, false)?.documents ?? []
        const checked = this.query(operation.filter)
        if (isFailure(checked)) return checked
        let cursor = checked.find(documents, operation.projection as never)
        if (operation.sort) cursor = cursor.sort(operation.sort)
        if (operation.skip) cursor = cursor.skip(operation.skip)
        if (operation.limit) cursor = cursor.limit(operation.limit)
        return cursor.all().map((document) => bsonCopy(document as MongoDocument))
      }
      case 'countDocuments': {
        const documents = this.collection(database, name, false)?.documents ?? []
        const checked = this.query(operation.filter)
        if (isFailure(checked)) return checked
        return documents.filter((document) => checked.test(document)).length
      }
      case 'updateOne':
      case 'updateMany':
        return this.update(database, name, operation)
      case 'replaceOne': {
        const collection = this.collection(database, name, operation.upsert === true)
        const replacement = bsonCopy(operation.replacement)
        if (Object.keys(replacement).some((key) => key.startsWith('$')))
          return failure('Replacement document must not contain atomic operators', 2, 'BadValue')
        const checked = this.query(operation.filter)
        if (isFailure(checked)) return checked
        const index = collection?.documents.findIndex((document) => checked.test(document)) ?? -1
        if (index === -1 || !collection) {
          if (!operation.upsert || !collection)
            return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null }
          const document = this.withId({ ...equalityFields(operation.filter), ...replacement })
          const duplicate = this.duplicateOf(collection, namespace, document)
          if (duplicate) return duplicate
          collection.documents.push(document)
          return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: document._id }
        }
        const current = collection.documents[index] as MongoDocument
        collection.documents[index] = { _id: current._id, ...replacement }
        return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null }
      }
      case 'deleteOne':
      case 'deleteMany': {
        const collection = this.collection(database, name, false)
        if (!collection) return { deletedCount: 0 }
        const checked = this.query(operation.filter)
        if (isFailure(checked)) return checked
        let deleted = 0
        collection.documents = collection.documents.filter((document) => {
          if ((operation.op === 'deleteOne' && deleted > 0) || !checked.test(document)) return true
          deleted++
          return false
        })
        return { deletedCount: deleted }
      }
      case 'createIndex': {
        const collection = this.collection(database, name, true) as Collection
        const indexName =
          operation.options.name ??
          Object.entries(operation.key)
            .map(([field, direction]) => `${field}_${direction}`)
            .join('_')
        const existing = collection.indexes.find((index) => index.name === indexName)
        const spec: IndexSpec = { name: indexName, key: { ...operation.key } }
        if (operation.options.expireAfterSeconds !== undefined)
          spec.expireAfterSeconds = operation.options.expireAfterSeconds
        if (operation.options.unique) spec.unique = true
        if (existing && existing.expireAfterSeconds !== spec.expireAfterSeconds)
          return failure(
            `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
            85,
            'IndexOptionsConflict',
          )
        if (!existing) collection.indexes.push(spec)
        return indexName
      }
      case 'listIndexes':
        return (this.collection(database, name, false)?.indexes ?? []).map((index) => ({
          v: 2,
          ...bsonCopy(index),
        }))
      case 'drop': {
        const dropped = this.databases.get(database)?.delete(name) ?? false
        if (!dropped) return failure('ns not found', 26, 'NamespaceNotFound')
        return true
      }
    }
  }

  private update(
    database: string,
    name: string,
    operation: Extract<MongoOperation, { op: 'updateOne' | 'updateMany' }>,
  ): unknown {
    const update = bsonCopy(operation.update)
    const operators = Object.keys(update)
    if (operators.length === 0 || operators.some((key) => !key.startsWith('$')))
      return failure('Update document requires atomic operators', 9, 'FailedToParse')
    const checked = this.query(operation.filter)
    if (isFailure(checked)) return checked
    const collection = this.collection(database, name, operation.upsert === true)
    const documents = collection?.documents ?? []
    const { $setOnInsert, $currentDate, ...modifier } = update as Record<string, MongoDocument>
    // $currentDate is the server's clock, which here is the playground's virtual one.
    if ($currentDate) {
      const now = new Date(this.options.now())
      modifier.$set = { ...modifier.$set }
      for (const field of Object.keys($currentDate)) modifier.$set[field] = new Date(now)
    }
    const matching = documents.filter((document) => checked.test(document))
    if (matching.length === 0) {
      if (!operation.upsert || !collection)
        return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null }
      const document = equalityFields(operation.filter)
      const insertModifier = { ...modifier, $set: { ...modifier.$set, ...$setOnInsert } }
      const applied = applyModifier(document, insertModifier)
      if (isFailure(applied)) return applied
      const inserted = this.withId(applied)
      const duplicate = this.duplicateOf(collection, `${database}.${name}`, inserted)
      if (duplicate) return duplicate
      collection.documents.push(inserted)
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: inserted._id }
    }
    const targets = operation.op === 'updateOne' ? matching.slice(0, 1) : matching
    let modified = 0
    for (const target of targets) {
      const applied = applyModifier(target, modifier)
      if (isFailure(applied)) return applied
      if (JSON.stringify(applied) !== JSON.stringify(target)) modified++
      documents[documents.indexOf(target)] = applied
    }
    return {
      matchedCount: targets.length,
      modifiedCount: modified,
      upsertedCount: 0,
      upsertedId: null,
    }
  }

  private query(filter: MongoDocument): Query | MongoServerFailure {
    try {
      return newQuery(bsonCopy(filter ?? {}))
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error), 2, 'BadValue')
    }
  }

  private withId(document: MongoDocument): MongoDocument {
    if (document._id !== undefined) return document
    return { _id: this.options.newId?.() ?? randomHexId(), ...document }
  }

  private duplicateOf(
    collection: Collection,
    namespace: string,
    document: MongoDocument,
  ): MongoServerFailure | undefined {
    for (const index of collection.indexes) {
      if (index !== ID_INDEX && !index.unique) continue
      const fields = Object.keys(index.key)
      const clash = collection.documents.some((other) =>
        fields.every((field) => sameValue(other[field], document[field])),
      )
      if (!clash) continue
      const keyValue = Object.fromEntries(fields.map((field) => [field, document[field]]))
      const shown = fields.map((field) => `${field}: ${showValue(document[field])}`).join(', ')
      return failure(
        `E11000 duplicate key error collection: ${namespace} index: ${index.name} dup key: { ${shown} }`,
        11000,
        'DuplicateKey',
        { keyPattern: { ...index.key }, keyValue },
      )
    }
    return undefined
  }
}
