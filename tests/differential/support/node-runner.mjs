// The Node side of the differential tests: one child process per server start, so module state
// (depd's warned-once memory, the MemoryStore) is as fresh as after `node server.js`.
//
//   node node-runner.mjs <dir containing server.js> <virtual start time, ms>
//
// It fakes only `Date` (at the virtual start time) before anything is required, loads server.js
// with the real express, express-session and cookie-parser, serves it on 127.0.0.1 over http and
// https (a self-signed certificate, tls/), and answers the parent's IPC commands. Each answer
// carries the session store calls and the store contents since the previous command, and how
// far the server's stdout/stderr writes (which travel on the real stderr) have got. Requests are
// written byte for byte on a raw socket, so the server sees exactly the headers the simulated
// server gets (node:http's client would add Connection and Content-Length of its own).
import FakeTimers from '@sinonjs/fake-timers'
import { EventEmitter, once } from 'node:events'
import { existsSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import Module from 'node:module'
import net from 'node:net'
import path from 'node:path'
import tls from 'node:tls'
import { realRedisModule } from './real-redis.mjs'
import { realPostgresModule } from './real-postgres.mjs'
import { simulatedMongo } from '../../support/simulated-mongodb.mjs'

const [serverDir = '', startMs = ''] = process.argv.slice(2)
const serverFile = path.join(serverDir, 'server.js')
const clock = FakeTimers.install({ now: Number(startMs), toFake: ['Date'] })
const realSetTimeout = globalThis.setTimeout
const realClearTimeout = globalThis.clearTimeout

// --- timers on two clocks ---------------------------------------------------------------------

// As in the simulated runtime (mocks/server/host/virtual-timers.ts), server code's timers fire
// when their delay has passed in real time or on the virtual clock, whichever comes first: a
// clock step runs what fell due meanwhile (connect-pg-simple's prune), in the order it fell due.
// Each keeps its real Timeout object, so ref/unref/refresh work as on Node.
const virtualTimers = new Map()

function trackTimer(kind, callback, delay, args) {
  const delayMs = Math.max(1, Number(delay) || 0)
  const entry = { kind, delayMs, dueMs: Date.now() + delayMs }
  const run = () => {
    if (kind === 'timeout') virtualTimers.delete(entry.handle)
    else entry.dueMs = Math.max(entry.dueMs + delayMs, Date.now())
    callback(...args)
  }
  entry.run = run
  entry.handle = kind === 'timeout' ? realSetTimeout(run, delayMs) : realSetInterval(run, delayMs)
  virtualTimers.set(entry.handle, entry)
  return entry.handle
}
const realSetInterval = globalThis.setInterval
const realClearInterval = globalThis.clearInterval
globalThis.setTimeout = (callback, delay, ...args) => trackTimer('timeout', callback, delay, args)
globalThis.setInterval = (callback, delay, ...args) => trackTimer('interval', callback, delay, args)
globalThis.clearTimeout = (handle) => {
  virtualTimers.delete(handle)
  realClearTimeout(handle)
}
globalThis.clearInterval = (handle) => {
  virtualTimers.delete(handle)
  realClearInterval(handle)
}

/** Runs, in due order, every timer the virtual clock passed; a rescheduled one may run again. */
function runVirtualTimersDue(nowMs) {
  for (;;) {
    const due = [...virtualTimers.values()]
      .filter((entry) => entry.dueMs <= nowMs)
      .sort((a, b) => a.dueMs - b.dueMs)[0]
    if (!due) return
    if (due.kind === 'timeout') realClearTimeout(due.handle)
    else {
      // The real interval starts again from now, as the simulation re-arms its real timer.
      realClearInterval(due.handle)
      virtualTimers.delete(due.handle)
      due.handle = realSetInterval(due.run, due.delayMs)
      virtualTimers.set(due.handle, due)
    }
    due.run()
  }
}
// Read and hidden at once: server.js must see the environment the simulated side sees.
const redisUrl = process.env.DIFFERENTIAL_REDIS_URL
delete process.env.DIFFERENTIAL_REDIS_URL
const realRedis = redisUrl ? realRedisModule(redisUrl) : undefined
const databaseUrl = process.env.DIFFERENTIAL_DATABASE_URL
delete process.env.DIFFERENTIAL_DATABASE_URL
const realPostgres = databaseUrl ? realPostgresModule(databaseUrl) : undefined

const REQUEST_TIMEOUT_MS = 4000
const SETTLE_TURNS = 10
const SETTLE_TIMERS_MS = 5
/** Marks a stderr line that carries one captured write. */
const OUTPUT_MARKER = '\u0001differential-output:'

// --- stdout / stderr ----------------------------------------------------------------------------

// Every write is passed on at once, synchronously, as one marked line on the real stderr, so
// nothing is lost when the process dies (a crash, process.exit) and its order relative to
// Node's own crash report (printed straight to fd 2) is kept. Each answer says how many lines
// were written so far; the parent reads stderr up to there.
let outputCount = 0

function captureWrites(stream, name) {
  stream.write = function write(chunk, encoding, callback) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    writeSync(
      2,
      `${OUTPUT_MARKER}${JSON.stringify({ stream: name, text: text.replace(/\n$/, '') })}\n`,
    )
    outputCount++
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done)
    return true
  }
}
captureWrites(process.stdout, 'stdout')
captureWrites(process.stderr, 'stderr')

// --- session stores -----------------------------------------------------------------------------

const OPERATIONS = ['get', 'set', 'touch', 'destroy', 'all', 'length', 'clear']
const TAKES_SESSION_ID = new Set(['get', 'set', 'touch', 'destroy'])
const tracked = []
let storeCalls = []

function trackStore(store) {
  if (tracked.some((record) => record.store === store)) return
  const record = { store, originals: {} }
  const index = tracked.push(record) - 1
  for (const operation of OPERATIONS) {
    const original = store[operation]
    if (typeof original !== 'function') continue
    record.originals[operation] = original
    // An own, non-enumerable property, as the simulated runtime's store spy installs it.
    Object.defineProperty(store, operation, {
      configurable: true,
      enumerable: false,
      writable: true,
      value: function (...args) {
        const call = { store: index, operation }
        if (TAKES_SESSION_ID.has(operation) && typeof args[0] === 'string') call.sessionId = args[0]
        storeCalls.push(call)
        return original.apply(this, args)
      },
    })
  }
}

const hasSessionMap = (store) => typeof store.sessions === 'object' && store.sessions !== null

function parseEntry(value) {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

async function entriesOf(store) {
  if (hasSessionMap(store))
    return Object.fromEntries(
      Object.entries(store.sessions).map(([id, value]) => [id, parseEntry(value)]),
    )
  if (typeof store.client?.fakeRedisEntries === 'function')
    return store.client.fakeRedisEntries(store.prefix)
  if (realRedis && typeof store.prefix === 'string' && store.client)
    return realRedis.entries(store.prefix)
  if (realPostgres && typeof store.quotedTable === 'function')
    return realPostgres.entries(store.quotedTable())
  if (store.collectionP && typeof store.options?.collectionName === 'string')
    return simulatedMongoServer().entries(store)
  return null
}

function snapshotStores() {
  return Promise.all(
    tracked.map(async ({ store }) => ({
      kind: store.constructor?.name || 'Store',
      entries: await entriesOf(store),
    })),
  )
}

function actOnStore({ action, index, sessionId, data }) {
  const record = tracked[index]
  if (!record) throw new Error(`no session store #${index}`)
  const { store, originals } = record
  const viaApi = (operation, ...args) => originals[operation].apply(store, [...args, () => {}])
  if (action === 'connect' || action === 'disconnect') store.emit(action)
  else if (action === 'clear')
    hasSessionMap(store) ? (store.sessions = Object.create(null)) : viaApi('clear')
  else if (action === 'delete')
    hasSessionMap(store) ? delete store.sessions[sessionId] : viaApi('destroy', sessionId)
  else if (action === 'write') {
    if (hasSessionMap(store)) store.sessions[sessionId] = JSON.stringify(data)
    else viaApi('set', sessionId, data)
  }
}

// Every session store is watched from the moment session(options) adopts it: express-session
// assigns `store.generate` (index.js) right after choosing `options.store || new MemoryStore()`,
// and stores derive from its Store class. Wrapping session() itself would put a frame of ours
// between server.js and express-session, and depd would then name this file as the caller.
function watchStores(Store) {
  Object.defineProperty(Store.prototype, 'generate', {
    configurable: true,
    get: () => undefined,
    set(value) {
      trackStore(this)
      Object.defineProperty(this, 'generate', {
        value,
        writable: true,
        configurable: true,
        enumerable: true,
      })
    },
  })
}

// `require('redis')` gets a test double of a Redis server: its keys live in a file beside
// server.js, so like a real Redis they outlive a restart (a new child process), and TTLs run on
// the faked Date. The simulated runtime's redis client (mocks/server/simulated) answers the same
// commands the same way, one setImmediate per reply.
function fakeRedisModule(file) {
  const read = () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
  const write = (data) => writeFileSync(file, JSON.stringify(data))
  const live = (data, key) => {
    const entry = data[key]
    if (entry && entry.expiresAt !== null && entry.expiresAt <= Date.now()) delete data[key]
    return data[key]
  }
  const reply = (compute) =>
    new Promise((resolve) =>
      setImmediate(() => {
        const data = read()
        const result = compute(data)
        write(data)
        resolve(result)
      }),
    )
  const ttlOf = (options) => {
    if (!options) return undefined
    if (options.expiration)
      return options.expiration.type === 'EX'
        ? options.expiration.value
        : options.expiration.value / 1000
    return options.EX ?? (options.PX === undefined ? undefined : options.PX / 1000)
  }
  const matching = (data, pattern) => {
    const matcher = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`,
    )
    return Object.keys(data).filter((key) => live(data, key) && matcher.test(key))
  }
  class Client extends EventEmitter {
    isOpen = false
    isReady = false
    fakeRedisEntries(prefix) {
      const data = read()
      return Object.fromEntries(
        matching(data, `${prefix}*`).map((key) => [
          key.slice(prefix.length),
          parseEntry(data[key].value),
        ]),
      )
    }
    connect() {
      return reply(() => {
        this.isOpen = this.isReady = true
        this.emit('connect')
        this.emit('ready')
        return this
      })
    }
    get(key) {
      return reply((data) => live(data, key)?.value ?? null)
    }
    set(key, value, options) {
      return reply((data) => {
        const ttl = ttlOf(options)
        data[key] = {
          value: String(value),
          expiresAt: ttl === undefined ? null : Date.now() + ttl * 1000,
        }
        return 'OK'
      })
    }
    expire(key, seconds) {
      return reply((data) => {
        const entry = live(data, key)
        if (!entry) return 0
        if (seconds <= 0) delete data[key]
        else entry.expiresAt = Date.now() + seconds * 1000
        return 1
      })
    }
    del(keys) {
      return reply(
        (data) => [].concat(keys).filter((key) => live(data, key) && delete data[key]).length,
      )
    }
    mGet(keys) {
      return reply((data) => keys.map((key) => live(data, key)?.value ?? null))
    }
    async *scanIterator({ MATCH = '*', COUNT = 10 } = {}) {
      const keys = await reply((data) => matching(data, MATCH))
      for (let i = 0; i < keys.length; i += COUNT) yield keys.slice(i, i + COUNT)
    }
  }
  return { createClient: () => new Client() }
}
const fakeRedis = realRedis?.module ?? fakeRedisModule(path.join(serverDir, 'redis.json'))

// `require('mongodb')` gets the playground's own simulated driver and server: no mongod can run
// here. Its data lives in a file beside server.js, so like a database server it outlives a
// restart (a new child process); its TTL monitor reads the faked Date and passes every 60 s from
// the server's first start, which is when server code first requires the driver.
let mongo
const simulatedMongoServer = () =>
  (mongo ??= simulatedMongo({ file: path.join(serverDir, 'mongo.json') }))

const realLoad = Module._load
let watching = false
Module._load = function load(request, parent, isMain) {
  if (request === 'redis') return fakeRedis
  if (request === 'pg' && realPostgres) return realPostgres.module
  if (request === 'mongodb') return simulatedMongoServer().driver
  const exports = realLoad.call(this, request, parent, isMain)
  if (request === 'express-session' && !watching) {
    watching = true
    watchStores(exports.Store)
  }
  return exports
}

// --- the server -----------------------------------------------------------------------------------

// The lesson's app.listen(3000) binds an ephemeral port on 127.0.0.1 instead.
const realListen = net.Server.prototype.listen
let lessonServer
http.Server.prototype.listen = function listen(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined
  lessonServer = this
  return realListen.call(this, 0, '127.0.0.1', callback)
}

const turns = async () => {
  for (let turn = 0; turn < SETTLE_TURNS; turn++)
    await new Promise((resolve) => setImmediate(resolve))
}
/** Lets the event loop run on after a step: store callbacks, late logs, short real timers. */
const settle = async () => {
  await turns()
  await new Promise((resolve) => realSetTimeout(resolve, SETTLE_TIMERS_MS))
  await turns()
}

async function drainEffects() {
  // Statements still in flight (a store call the step caused) finish before the store is read.
  await realPostgres?.idle()
  const calls = storeCalls
  storeCalls = []
  const stores = await snapshotStores()
  return { outputCount, storeCalls: calls, stores }
}

let plainPort = 0
let securePort = 0

async function startServer() {
  let exported
  try {
    exported = Module.createRequire(serverFile)(serverFile)
  } catch (error) {
    const loadError = { name: error?.name ?? 'Error', message: error?.message ?? String(error) }
    // Node puts the source excerpt of a syntax error above the error line of its stack.
    const stack = typeof error?.stack === 'string' ? error.stack : ''
    const errorLine = stack.indexOf(`\n${loadError.name}: `)
    if (stack.startsWith(`${serverFile}:`) && errorLine !== -1) {
      loadError.header = stack.slice(path.dirname(serverFile).length + 1, errorLine)
    }
    return { loadError }
  }
  let target = lessonServer
  if (!target) {
    if (typeof exported !== 'function') {
      return {
        loadError: {
          name: 'Error',
          message: 'server.js neither exports an app nor calls app.listen()',
        },
      }
    }
    target = http.createServer(exported)
    realListen.call(target, 0, '127.0.0.1')
  }
  if (!target.listening) await once(target, 'listening')
  plainPort = target.address().port

  const certificates = path.join(path.dirname(new URL(import.meta.url).pathname), 'tls')
  const secureServer = https.createServer({
    key: readFileSync(path.join(certificates, 'localhost-key.pem')),
    cert: readFileSync(path.join(certificates, 'localhost-cert.pem')),
  })
  secureServer.on('request', (req, res) => target.emit('request', req, res))
  realListen.call(secureServer, 0, '127.0.0.1')
  await once(secureServer, 'listening')
  securePort = secureServer.address().port
  return {}
}

// --- the browser's side of the wire ---------------------------------------------------------------

/** Reads one HTTP/1.1 response off the socket (Content-Length, chunked, or until close). */
function readResponse(socket, method) {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0)
    let head
    let finished = false
    const finish = (exchange) => {
      if (finished) return
      finished = true
      realClearTimeout(timer)
      resolve(exchange)
    }
    const timer = realSetTimeout(() => finish({ error: 'timeout' }), REQUEST_TIMEOUT_MS)

    const tryParse = (closed) => {
      if (!head) {
        const end = buffer.indexOf('\r\n\r\n')
        if (end === -1) return closed ? finish({ error: 'connection-reset' }) : undefined
        const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n')
        const match = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine)
        if (!match) return finish({ error: 'connection-reset' })
        const headers = lines.map((line) => {
          const colon = line.indexOf(':')
          return [line.slice(0, colon), line.slice(colon + 1).trim()]
        })
        head = { status: Number(match[1]), statusMessage: match[2], headers }
        buffer = buffer.subarray(end + 4)
      }
      const header = (name) => head.headers.find(([key]) => key.toLowerCase() === name)?.[1]
      const respond = (body) => finish({ ...head, body: Buffer.from(body).toString('utf8') })
      if (method === 'HEAD' || head.status === 204 || head.status === 304)
        return respond(Buffer.alloc(0))
      if (/chunked/i.test(header('transfer-encoding') ?? '')) {
        const chunks = []
        let offset = 0
        for (;;) {
          const lineEnd = buffer.indexOf('\r\n', offset)
          if (lineEnd === -1) break
          const size = parseInt(buffer.subarray(offset, lineEnd).toString('latin1'), 16)
          if (size === 0) return respond(Buffer.concat(chunks))
          if (buffer.length < lineEnd + 2 + size + 2) break
          chunks.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size))
          offset = lineEnd + 2 + size + 2
        }
        return closed ? finish({ error: 'connection-reset' }) : undefined
      }
      const length = header('content-length')
      if (length !== undefined) {
        if (buffer.length >= Number(length)) return respond(buffer.subarray(0, Number(length)))
        return closed ? finish({ error: 'connection-reset' }) : undefined
      }
      if (closed) return respond(buffer)
      return undefined
    }

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data])
      tryParse(false)
    })
    socket.on('close', () => tryParse(true))
    socket.on('error', () => {})
  })
}

async function exchange({ method, path: target, headers, body, secure }) {
  const socket = secure
    ? tls.connect({ port: securePort, host: '127.0.0.1', rejectUnauthorized: false })
    : net.connect(plainPort, '127.0.0.1')
  const head = `${method} ${target} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`
  socket.write(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body ?? '', 'utf8')]))
  const result = await readResponse(socket, method)
  await settle()
  socket.destroy()
  await turns()
  return result
}

// --- commands from the parent ---------------------------------------------------------------------

async function handle(message) {
  switch (message.type) {
    case 'request':
      return { exchange: await exchange(message.request), ...(await drainEffects()) }
    case 'clock':
      await realRedis?.advance(message.nowMs - Date.now())
      clock.setSystemTime(message.nowMs)
      runVirtualTimersDue(message.nowMs)
      // What those timers sent (a prune's DELETE) is sent a few ticks later; drainEffects
      // waits for it to finish.
      await settle()
      return drainEffects()
    case 'store':
      actOnStore(message.action)
      await settle()
      return drainEffects()
    default:
      throw new Error(`unknown command ${message.type}`)
  }
}

// If the test process goes away, so does this server.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))

process.on('message', (message) => {
  handle(message).then(
    (result) => process.send({ id: message.id, result }),
    (error) => process.send({ id: message.id, failure: String(error?.stack ?? error) }),
  )
})

const started = await startServer()
await settle()
process.send({ id: 0, result: { ...started, ...(await drainEffects()) } })
