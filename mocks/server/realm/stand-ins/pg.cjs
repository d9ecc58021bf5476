'use strict'
// What `require('pg')` gives server code in the playground: node-postgres's Pool and Client,
// whose queries run on the PGlite (Postgres compiled to WebAssembly) that the host keeps
// outside the realm, so the data outlives a server restart as a database server's would.
// Shipped as source in the lazy Postgres chunk and evaluated inside the realm on first use
// (realm/lazy-packages.ts); `#postgres` is the host's query function.
const { EventEmitter } = require('events')
const postgres = require('#postgres')

// --- parameters, as node-postgres prepares them (lib/utils.js) --------------------------------

const pad = (number, digits) => String(number).padStart(digits, '0')

function dateToString(date) {
  const offset = -date.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const absolute = Math.abs(offset)
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}` +
    `T${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}` +
    `.${pad(date.getMilliseconds(), 3)}${sign}${pad(Math.floor(absolute / 60), 2)}:${pad(absolute % 60, 2)}`
  )
}

function arrayString(values) {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL'
    if (Array.isArray(value)) return arrayString(value)
    const text = String(prepareValue(value))
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  })
  return `{${items.join(',')}}`
}

function prepareValue(value, seen = []) {
  if (value === null || value === undefined) return null
  if (value instanceof Uint8Array) return value
  if (value instanceof Date) return dateToString(value)
  if (Array.isArray(value)) return arrayString(value)
  if (typeof value === 'object') {
    if (typeof value.toPostgres === 'function') {
      if (seen.includes(value))
        throw new Error(`circular reference detected while preparing "${value}" for query`)
      return prepareValue(value.toPostgres(prepareValue), [...seen, value])
    }
    return JSON.stringify(value)
  }
  return value.toString()
}

// --- errors, as pg-protocol's DatabaseError carries them -----------------------------------------

const ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
]

class DatabaseError extends Error {
  constructor(message, length, name) {
    super(message)
    this.length = length
    this.name = name
  }
}

function toDatabaseError(error) {
  if (!error || typeof error !== 'object' || typeof error.code !== 'string') return error
  const databaseError = new DatabaseError(String(error.message), error.length, 'error')
  for (const field of ERROR_FIELDS) databaseError[field] = error[field]
  return databaseError
}

class Result {
  constructor(raw) {
    this.command = raw.command ?? null
    this.rowCount = raw.rowCount ?? null
    this.oid = null
    this.rows = raw.rows
    this.fields = raw.fields
    this._parsers = undefined
    this._types = undefined
    this.RowCtor = null
    this.rowAsArray = false
  }
}

/** query(text | { text, values }, values?, callback?): a promise, or undefined with a callback. */
function normalize(config, values, callback) {
  if (typeof values === 'function') [callback, values] = [values, undefined]
  if (config === null || config === undefined)
    throw new TypeError('Client was passed a null or undefined query')
  const query = typeof config === 'string' ? { text: config } : { ...config }
  if (values !== undefined) query.values = values
  if (typeof query.callback === 'function') callback ??= query.callback
  return { text: String(query.text), values: query.values ?? [], callback }
}

function settle(promise, callback) {
  if (!callback) return promise
  promise.then(
    (result) => setImmediate(() => callback(null, result)),
    (error) => setImmediate(() => callback(error)),
  )
  return undefined
}

function run(text, values) {
  let prepared
  try {
    prepared = values.map((value) => prepareValue(value))
  } catch (error) {
    return Promise.reject(error)
  }
  return postgres.query(text, prepared).then(
    (raw) => new Result(raw),
    (error) => {
      throw toDatabaseError(error)
    },
  )
}

/** Where the playground's PostgreSQL listens; every database name reaches the same one. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', ''])
const POSTGRES_PORT = 5432

/** Host and port as node-postgres reads them: options first, then the connection string. */
function addressOf(options) {
  let host = options.host
  let port = options.port
  if (options.connectionString) {
    const url = new URL(options.connectionString)
    host ??= decodeURIComponent(url.hostname)
    port ??= url.port === '' ? undefined : Number(url.port)
  }
  return { host: host ?? 'localhost', port: Number(port ?? POSTGRES_PORT) }
}

/**
 * The error node-postgres gives for a server it cannot reach, or undefined for the playground's
 * own. The simulated network has one database server, so another host does not resolve and
 * another port refuses, as they would on a machine that runs only that one.
 */
function connectionError(options) {
  let address
  try {
    address = addressOf(options)
  } catch {
    return Object.assign(new TypeError(`Invalid URL: ${options.connectionString}`), {
      code: 'ERR_INVALID_URL',
      input: options.connectionString,
    })
  }
  const { host, port } = address
  if (!LOCAL_HOSTS.has(host)) {
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
      errno: -3008,
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: host,
    })
  }
  if (port !== POSTGRES_PORT) {
    const ip = host === 'localhost' || host === '' ? '127.0.0.1' : host
    return Object.assign(new Error(`connect ECONNREFUSED ${ip}:${port}`), {
      errno: -111,
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: ip,
      port,
    })
  }
  return undefined
}

class Client extends EventEmitter {
  constructor(config) {
    super()
    const options = typeof config === 'string' ? { connectionString: config } : (config ?? {})
    this.connectionParameters = { ...options }
    this.database = options.database
    this.user = options.user
    this.port = options.port ?? 5432
    this.host = options.host ?? 'localhost'
    this._connected = false
    this._ending = false
  }

  connect(callback) {
    const unreachable = connectionError(this.connectionParameters)
    const promise = this._ending
      ? Promise.reject(new Error('Client was closed and is not queryable'))
      : unreachable
        ? Promise.reject(unreachable)
        : postgres.ready().then(() => {
            this._connected = true
            this.emit('connect')
            return this
          })
    if (!callback) return promise.then(() => undefined)
    promise.then(() => callback(null), callback)
    return undefined
  }

  query(config, values, callback) {
    const query = normalize(config, values, callback)
    if (this._ending) {
      const error = new Error('Client was closed and is not queryable')
      return settle(Promise.reject(error), query.callback)
    }
    const unreachable = connectionError(this.connectionParameters)
    if (unreachable) return settle(Promise.reject(unreachable), query.callback)
    return settle(run(query.text, query.values), query.callback)
  }

  end(callback) {
    this._ending = true
    const promise = new Promise((resolve) =>
      setImmediate(() => {
        this.emit('end')
        resolve()
      }),
    )
    if (!callback) return promise
    promise.then(() => callback())
    return undefined
  }
}

class Pool extends EventEmitter {
  constructor(options) {
    super()
    this.options = { max: 10, idleTimeoutMillis: 10000, ...(options ?? {}) }
    this.totalCount = 0
    this.idleCount = 0
    this.waitingCount = 0
    this.ending = false
    this.ended = false
  }

  connect(callback) {
    if (this.ending) {
      const error = new Error('Cannot use a pool after calling end on the pool')
      return settle(Promise.reject(error), callback)
    }
    const client = new Client(this.options)
    client.release = () => {
      this.totalCount = Math.max(0, this.totalCount - 1)
      this.emit('release', undefined, client)
    }
    this.totalCount++
    const promise = client.connect().then(() => {
      this.emit('connect', client)
      this.emit('acquire', client)
      return client
    })
    if (!callback) return promise
    promise.then(
      (connected) => callback(null, connected, connected.release),
      (error) => callback(error),
    )
    return undefined
  }

  query(config, values, callback) {
    const query = normalize(config, values, callback)
    if (this.ending) {
      const error = new Error('Cannot use a pool after calling end on the pool')
      return settle(Promise.reject(error), query.callback)
    }
    const unreachable = connectionError(this.options)
    if (unreachable) return settle(Promise.reject(unreachable), query.callback)
    return settle(run(query.text, query.values), query.callback)
  }

  end(callback) {
    if (this.ending) {
      const error = new Error('Called end on pool more than once')
      return settle(Promise.reject(error), callback)
    }
    this.ending = true
    const promise = new Promise((resolve) =>
      setImmediate(() => {
        this.ended = true
        resolve()
      }),
    )
    return settle(promise, callback)
  }
}

module.exports = { Pool, Client, DatabaseError, Result, defaults: {}, types: {} }
