'use strict'
// What `require('mongodb')` gives server code in the playground: a SIMULATED driver. No mongod
// can run here, so MongoClient, Db, Collection and FindCursor keep the shape of the official
// driver's (the part a session store uses) and send each operation to the playground's MongoDB
// server, which the host keeps outside the realm (host/services/mongo-database.ts, queries and
// updates evaluated by mingo): the data outlives a server restart, as a database server's would.
// Shipped as source in the lazy MongoDB chunk and evaluated inside the realm on first use
// (realm/lazy-packages.ts); `#mongo` is the host's side. The Node-side lesson replay loads this
// same file, with its own `#mongo`.
const { EventEmitter } = require('events')
const mongo = require('#mongo')

class MongoError extends Error {
  get name() {
    return 'MongoError'
  }
}
class MongoDriverError extends MongoError {
  get name() {
    return 'MongoDriverError'
  }
}
class MongoAPIError extends MongoDriverError {
  get name() {
    return 'MongoAPIError'
  }
}
class MongoInvalidArgumentError extends MongoAPIError {
  get name() {
    return 'MongoInvalidArgumentError'
  }
}
class MongoParseError extends MongoDriverError {
  get name() {
    return 'MongoParseError'
  }
}
class MongoNotConnectedError extends MongoAPIError {
  get name() {
    return 'MongoNotConnectedError'
  }
}
class MongoServerError extends MongoError {
  constructor(failure) {
    super(failure.message)
    this.errorResponse = { ok: 0, errmsg: failure.message, code: failure.code }
    this.code = failure.code
    this.codeName = failure.codeName
    if (failure.keyPattern) this.keyPattern = failure.keyPattern
    if (failure.keyValue) this.keyValue = failure.keyValue
  }
  get name() {
    return 'MongoServerError'
  }
}

// --- ObjectId: 4 bytes of time, 5 random, a 3-byte counter, shown as 24 hex digits -------------

let counter = Math.floor(Math.random() * 0xffffff)
const processUnique = Array.from({ length: 5 }, () => Math.floor(Math.random() * 256))
const hex = (bytes) => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')

class ObjectId {
  constructor(id) {
    if (id instanceof ObjectId) id = id.toHexString()
    if (typeof id === 'string') {
      if (!/^[0-9a-fA-F]{24}$/.test(id))
        throw new TypeError(
          'input must be a 24 character hex string, 12 byte Uint8Array, or an integer',
        )
      this._hex = id.toLowerCase()
    } else {
      const seconds = Math.floor((typeof id === 'number' ? id * 1000 : Date.now()) / 1000)
      counter = (counter + 1) % 0xffffff
      const time = [24, 16, 8, 0].map((shift) => (seconds >>> shift) & 0xff)
      const count = [16, 8, 0].map((shift) => (counter >>> shift) & 0xff)
      this._hex = hex([...time, ...processUnique, ...count])
    }
    Object.freeze(this)
  }
  get _bsontype() {
    return 'ObjectId'
  }
  toHexString() {
    return this._hex
  }
  toString() {
    return this._hex
  }
  toJSON() {
    return this._hex
  }
  equals(other) {
    return other != null && String(other.toHexString?.() ?? other) === this._hex
  }
  getTimestamp() {
    return new Date(parseInt(this._hex.slice(0, 8), 16) * 1000)
  }
  static isValid(id) {
    return id instanceof ObjectId || (typeof id === 'string' && /^[0-9a-fA-F]{24}$/.test(id))
  }
}

// --- the wire: one operation, one reply a macrotask later, as from a socket -----------------------

function send(client, database, collection, operation) {
  if (client._closed)
    return Promise.reject(
      new MongoNotConnectedError('Client must be connected before running operations'),
    )
  return mongo.run(database, collection, operation).then(
    (result) => new Promise((resolve) => setImmediate(() => resolve(result))),
    (failure) =>
      new Promise((resolve, reject) =>
        setImmediate(() =>
          reject(failure && failure.kind === 'server' ? new MongoServerError(failure) : failure),
        ),
      ),
  )
}

function withCallback(promise, callback) {
  if (typeof callback !== 'function') return promise
  throw new MongoInvalidArgumentError(
    'The driver no longer takes callbacks (since version 5): use the returned promise',
  )
}

// --- cursors ---------------------------------------------------------------------------------------

class FindCursor {
  constructor(collection, filter, options) {
    this._collection = collection
    this._request = { op: 'find', filter: filter ?? {} }
    if (options?.sort) this._request.sort = options.sort
    if (options?.skip) this._request.skip = options.skip
    if (options?.limit) this._request.limit = options.limit
    if (options?.projection) this._request.projection = options.projection
    this._buffer = undefined
  }
  sort(sort) {
    this._request.sort = sort
    return this
  }
  skip(skip) {
    this._request.skip = skip
    return this
  }
  limit(limit) {
    this._request.limit = limit
    return this
  }
  project(projection) {
    this._request.projection = projection
    return this
  }
  async _fill() {
    this._buffer ??= await this._collection._send(this._request)
    return this._buffer
  }
  async toArray() {
    const documents = await this._fill()
    const rest = documents.slice()
    documents.length = 0
    return rest
  }
  async next() {
    const documents = await this._fill()
    return documents.length > 0 ? documents.shift() : null
  }
  async hasNext() {
    return (await this._fill()).length > 0
  }
  async forEach(iterator) {
    for (const document of await this.toArray()) if (iterator(document) === false) break
  }
  async close() {
    this._buffer = []
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const document = await this.next()
      if (document === null) return
      yield document
    }
  }
}

// --- Collection, Db, MongoClient -------------------------------------------------------------------

const IS_OPERATOR_DOCUMENT = (update) =>
  update && typeof update === 'object' && !Array.isArray(update)
    ? Object.keys(update).some((key) => key.startsWith('$'))
    : false

class Collection {
  constructor(db, name) {
    this.s = { db, name }
    this.collectionName = name
    this.dbName = db.databaseName
    this.namespace = `${db.databaseName}.${name}`
  }
  _send(operation) {
    return send(this.s.db.client, this.dbName, this.collectionName, operation)
  }
  insertOne(document, options, callback) {
    if (document._id === undefined) document._id = new ObjectId()
    return withCallback(
      this._send({ op: 'insertOne', document }).then((result) => ({
        acknowledged: true,
        insertedId: result.insertedId,
      })),
      typeof options === 'function' ? options : callback,
    )
  }
  insertMany(documents) {
    for (const document of documents) if (document._id === undefined) document._id = new ObjectId()
    return this._send({ op: 'insertMany', documents }).then((result) => ({
      acknowledged: true,
      ...result,
    }))
  }
  find(filter, options) {
    return new FindCursor(this, filter, options)
  }
  findOne(filter, options, callback) {
    const request = { op: 'find', filter: filter ?? {}, limit: 1 }
    if (options?.projection) request.projection = options.projection
    if (options?.sort) request.sort = options.sort
    return withCallback(
      this._send(request).then((documents) => documents[0] ?? null),
      typeof options === 'function' ? options : callback,
    )
  }
  countDocuments(filter) {
    return this._send({ op: 'countDocuments', filter: filter ?? {} })
  }
  estimatedDocumentCount() {
    return this._send({ op: 'countDocuments', filter: {} })
  }
  _update(op, filter, update, options) {
    if (!IS_OPERATOR_DOCUMENT(update))
      return Promise.reject(
        new MongoInvalidArgumentError('Update document requires atomic operators'),
      )
    return this._send({ op, filter: filter ?? {}, update, upsert: options?.upsert === true }).then(
      (result) => ({ acknowledged: true, ...result }),
    )
  }
  updateOne(filter, update, options) {
    return this._update('updateOne', filter, update, options)
  }
  updateMany(filter, update, options) {
    return this._update('updateMany', filter, update, options)
  }
  replaceOne(filter, replacement, options) {
    if (IS_OPERATOR_DOCUMENT(replacement))
      return Promise.reject(
        new MongoInvalidArgumentError('Replacement document must not contain atomic operators'),
      )
    const request = { op: 'replaceOne', filter: filter ?? {}, replacement }
    request.upsert = options?.upsert === true
    return this._send(request).then((result) => ({ acknowledged: true, ...result }))
  }
  deleteOne(filter) {
    return this._send({ op: 'deleteOne', filter: filter ?? {} }).then((result) => ({
      acknowledged: true,
      ...result,
    }))
  }
  deleteMany(filter) {
    return this._send({ op: 'deleteMany', filter: filter ?? {} }).then((result) => ({
      acknowledged: true,
      ...result,
    }))
  }
  createIndex(keys, options) {
    const key = typeof keys === 'string' ? { [keys]: 1 } : keys
    const indexOptions = {}
    if (options?.name !== undefined) indexOptions.name = options.name
    if (options?.expireAfterSeconds !== undefined)
      indexOptions.expireAfterSeconds = options.expireAfterSeconds
    if (options?.unique) indexOptions.unique = true
    return this._send({ op: 'createIndex', key, options: indexOptions })
  }
  indexes() {
    return this._send({ op: 'listIndexes' })
  }
  listIndexes() {
    const pending = this._send({ op: 'listIndexes' })
    return { toArray: () => pending }
  }
  drop() {
    return this._send({ op: 'drop' })
  }
}

class Db {
  constructor(client, databaseName) {
    this.client = client
    this.databaseName = databaseName
  }
  collection(name) {
    if (typeof name !== 'string' || name === '' || name.includes('$'))
      throw new MongoInvalidArgumentError(`collection names must not be empty or contain '$'`)
    return new Collection(this, name)
  }
  command(command) {
    if (command && (command.ping === 1 || command.ping === true)) return Promise.resolve({ ok: 1 })
    return Promise.reject(
      new MongoServerError({
        kind: 'server',
        message: `no such command: '${Object.keys(command ?? {})[0]}'`,
        code: 59,
        codeName: 'CommandNotFound',
      }),
    )
  }
}

/** Checks a connection string as the driver does, and finds its default database. */
function parseConnectionString(url) {
  if (typeof url !== 'string')
    throw new MongoParseError('Invalid connection string: the URL must be a string')
  const match = /^(mongodb(?:\+srv)?):\/\/(?:[^@/]*@)?([^/?]*)(\/[^?]*)?(\?.*)?$/.exec(url)
  if (!/^mongodb(\+srv)?:\/\//.test(url))
    throw new MongoParseError(
      'Invalid scheme, expected connection string to start with "mongodb://" or "mongodb+srv://"',
    )
  if (!match || match[2] === '') throw new MongoParseError(`Invalid connection string "${url}"`)
  const path = decodeURIComponent((match[3] ?? '').slice(1))
  return { hosts: match[2].split(','), dbName: path === '' ? 'test' : path }
}

class MongoClient extends EventEmitter {
  constructor(url, options) {
    super()
    const parsed = parseConnectionString(url)
    this.s = { url, options: { ...(options ?? {}) } }
    this.options = {
      ...(options ?? {}),
      hosts: parsed.hosts,
      dbName: options?.dbName ?? parsed.dbName,
    }
    this._closed = false
  }
  /**
   * The driver rejects a bad connection string; nothing awaits connect-mongo's rejected promise,
   * so Node ends the process at start with that error. This throws it instead: the server fails
   * to start with the same message, and no rejection escapes the realm.
   */
  static connect(url, options) {
    return new MongoClient(url, options).connect()
  }
  connect() {
    this._closed = false
    return mongo.ready().then(
      () =>
        new Promise((resolve) =>
          setImmediate(() => {
            this.emit('open', this)
            resolve(this)
          }),
        ),
    )
  }
  db(name) {
    return new Db(this, name ?? this.options.dbName)
  }
  close() {
    this._closed = true
    return new Promise((resolve) =>
      setImmediate(() => {
        this.emit('close')
        resolve()
      }),
    )
  }
}

module.exports = {
  MongoClient,
  Db,
  Collection,
  FindCursor,
  ObjectId,
  MongoError,
  MongoDriverError,
  MongoAPIError,
  MongoInvalidArgumentError,
  MongoParseError,
  MongoNotConnectedError,
  MongoServerError,
}
