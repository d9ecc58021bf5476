/**
 * The contract between a server realm (the bundled Express stack plus our Node-compatibility
 * layer, built from realm-entry.ts) and the host that runs it (engine.ts, in a Web Worker or in
 * Node). Types only: both sides import it, neither depends on the other's code.
 */
import type { EventEmitter } from 'events'

/** One header line as it travels on the wire; `Set-Cookie` stays one pair per cookie. */
export type HeaderPair = readonly [name: string, value: string]

export interface SimRequest {
  method: string
  /** Path and query, as in the request line: `/login?next=%2F`. */
  url: string
  headers: readonly HeaderPair[]
  body?: string | Uint8Array
  /** The connection is TLS (the socket's `encrypted`), as when the browser uses https. */
  secure?: boolean
  remoteAddress?: string
}

export interface SimResponse {
  status: number
  statusMessage: string
  headers: HeaderPair[]
  body: Uint8Array
}

export interface SourceLocation {
  file: string
  line: number
  column: number
}

export interface ErrorInfo {
  name: string
  message: string
  code?: string
  stack?: string
  /** Where in the learner's server code the error was raised, when it was. */
  location?: SourceLocation
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'

export type StoreOperation = 'get' | 'set' | 'touch' | 'destroy' | 'all' | 'length' | 'clear'

/** The session options a `session(options)` call resolved to, as express-session reads them. */
export interface SessionMiddlewareInfo {
  middlewareId: number
  storeId: number
  name: string
  resave: boolean
  saveUninitialized: boolean
  rolling: boolean
  unset: 'keep' | 'destroy'
  proxy: boolean | undefined
  secretCount: number
  /** The string secrets, in order (signing uses the first): the jar panel checks signatures. */
  secrets: string[]
  cookie: 'function' | CookieOptionsInfo
}

export interface CookieOptionsInfo {
  path: string
  httpOnly: boolean
  secure: boolean | 'auto'
  sameSite: string | boolean | undefined
  domain: string | undefined
  maxAgeMs: number | null
  expires: string | null
}

interface EventBase {
  /** Virtual time when the event happened (ms since the epoch). */
  time: number
  /** The request being served when the event happened, when the realm could tell. */
  requestId?: number
}

export type RealmEvent = EventBase &
  (
    | { kind: 'console'; level: ConsoleLevel; text: string }
    | { kind: 'debug'; namespace: string; message: string }
    | { kind: 'deprecation'; namespace: string; message: string; text: string }
    | {
        kind: 'store-call'
        callId: number
        storeId: number
        operation: StoreOperation
        sessionId?: string
        /** `get` of an entry that the store is about to drop because its cookie expired. */
        expired?: boolean
      }
    | {
        /** A statement a session store ran on the playground's Postgres (through `pg`). */
        kind: 'store-query'
        sql: string
        /** The parameters as sent: text, or null. */
        params: Array<string | null>
        rowCount: number | null
        /** Postgres's message, when it failed. */
        error?: string
      }
    | {
        kind: 'store-result'
        callId: number
        storeId: number
        operation: StoreOperation
        sessionId?: string
        error?: ErrorInfo
        found?: boolean
      }
    | { kind: 'session-middleware'; info: SessionMiddlewareInfo }
    | { kind: 'store-created'; storeId: number; storeKind: string }
    | { kind: 'listen'; port: string }
    | { kind: 'uncaught-error'; error: ErrorInfo }
  )

export type RealmEventInput = RealmEvent extends infer E
  ? E extends RealmEvent
    ? Omit<E, 'time' | 'requestId'> & { requestId?: number }
    : never
  : never

/** A Redis reply: a bulk or simple string, an integer, nil, or an array of replies. */
export type RedisReply = string | number | null | RedisReply[]

/**
 * The simulated Redis server the host keeps outside every realm, with expiry on the virtual
 * clock; the host's Redis service answers it (compared with a real Redis in
 * tests/differential/redis).
 */
export interface SharedRedis {
  /** Runs one Redis command (`['SET', key, value, 'EX', '60']`); error replies are thrown. */
  command(argv: readonly string[]): RedisReply
  get(key: string): string | null
  set(key: string, value: string, ttlSeconds?: number): void
  /** Returns whether the key existed. */
  expire(key: string, ttlSeconds: number): boolean
  del(keys: readonly string[]): number
  /** Keys matching a Redis glob, without expired ones. */
  keys(pattern: string): string[]
  /** Seconds to live, as Redis's TTL answers: -1 without expiry, -2 when missing. */
  ttl(key: string): number
  /** Milliseconds to live: -1 without expiry, -2 when missing. */
  pttl(key: string): number
  flushAll(): void
}

/** A package the realm evaluates from source once the host has loaded it (`pg`, …). */
export interface LazyPackage {
  source: string
  /** Its `__dirname`; `fs` serves `files` (by name) under it, read-only. */
  directory: string
  files: Readonly<Record<string, string>>
  /** Modules it requires that are other lazy packages under another name (specifier → name). */
  requires?: Readonly<Record<string, string>>
}

export interface PgQueryResult {
  command: string | null
  rowCount: number | null
  rows: Record<string, unknown>[]
  fields: { name: string; dataTypeID: number }[]
}

/** A row of a connect-pg-simple session table, as the inspector shows it. */
export interface SessionRow {
  sid: string
  /** The `sess` column's JSON text, exactly as stored. */
  sess: string
  /** The `expire` column (a timestamp without time zone), as Postgres prints it. */
  expire: string
}

/** What a realm may ask of the host's PostgreSQL server (PGlite). */
export interface RealmPostgres {
  /** Resolves once the database has booted. */
  ready(): Promise<void>
  /** Runs one statement with parameters, or several without; errors are Postgres's own. */
  query(sql: string, params: readonly unknown[]): Promise<PgQueryResult>
  /** The rows of a session table (`"session"`) as of the last statement; undefined if none. */
  sessionRows(quotedTable: string): readonly SessionRow[] | undefined
  /** Reads this table back after every statement, for sessionRows. */
  watchTable(quotedTable: string): void
  /** Edits the store panel makes; the cached rows change at once, the table right after. */
  editSession(
    quotedTable: string,
    edit:
      | { kind: 'write'; sid: string; sess: string }
      | { kind: 'delete'; sid: string }
      | { kind: 'clear' },
  ): void
}

/** A document of the playground's MongoDB, as the store inspector shows it. */
export type MongoDocument = Record<string, unknown>

/**
 * What a realm may ask of the host's MongoDB server (simulated: no mongod runs in a browser;
 * host/services/mongo-database.ts). Operations are the driver stand-in's (stand-ins/mongodb.cjs).
 */
export interface RealmMongo {
  /** Resolves once the server is up. */
  ready(): Promise<void>
  /** One operation on a collection; server errors reject with `{ kind: 'server', message, code, codeName }`. */
  run(database: string, collection: string, operation: { op: string }): Promise<unknown>
  /** The operation as the mongo shell spells it, for the inspector's log of store traffic. */
  describe(collection: string, operation: { op: string }): string
  /** How many documents an operation's result says it found, changed or removed. */
  affected(result: unknown): number | null
  /**
   * connect-mongo's documents in a collection, after the TTL monitor's passes that fell due:
   * each `_id`, its `session` as text (JSON), and its other fields as text (`expires`).
   */
  sessions(
    database: string,
    collection: string,
  ): { id: string; text: string; fields: Record<string, string> }[]
  /** Edits the store panel makes, by `_id`. */
  editDocuments(
    database: string,
    collection: string,
    edit:
      | { kind: 'set-field'; id: string; field: string; value: unknown }
      | { kind: 'delete'; id: string }
      | { kind: 'clear' },
  ): void
}

/**
 * What a realm lends the redis client it gets from the host: the client is built on the realm's
 * own EventEmitter and macrotask timer, as if it were evaluated in the realm.
 */
export interface RedisClientLent {
  redis: SharedRedis
  EventEmitter: typeof EventEmitter
  setImmediate(callback: () => void): unknown
}

/** What the host lends a realm. Everything the realm knows about the outside comes from here. */
export interface RealmHost {
  /** Virtual clock, ms since the epoch. The realm's `Date` reads it. */
  now(): number
  emit(event: RealmEvent): void
  /** A macrotask without the 4 ms clamp of nested `setTimeout(0)`. */
  scheduleImmediate(callback: () => void): void
  setTimer(callback: () => void, delayMs: number, repeat: boolean): unknown
  clearTimer(handle: unknown): void
  fillRandom(bytes: Uint8Array): void
  /**
   * Evaluates `code`, a script whose only statement is a call of `deliverName` with one value, and
   * returns that value. Without it the realm uses an indirect eval. A browser host runs it as a
   * script of its own: Firefox treats code evaluated from a module of another origin (the sandbox
   * is an opaque origin) as that module's, and reports none of its unhandled rejections.
   */
  evaluateScript?(code: string, deliverName: string): unknown
  /** Numbers this realm's session stores from here, unique across instances of a cluster. */
  firstStoreId?: number
  /** The simulated Redis server, shared by every realm of the engine and kept across restarts. */
  redis: SharedRedis
  /** The PostgreSQL server (PGlite), shared like Redis; its chunk loads when a server needs it. */
  postgres?: RealmPostgres
  /** The MongoDB server (simulated), shared like Redis; its chunk loads when a server needs it. */
  mongo?: RealmMongo
  /** Packages evaluated from source in the realm (`pg`, `connect-pg-simple`, …), once loaded. */
  lazyPackages?: Readonly<Record<string, LazyPackage>>
  /** `require('redis')`, from the Redis chunk once loaded: built on what the realm lends it. */
  redisClient?: (lent: RedisClientLent) => { createClient(options?: unknown): unknown }
  /** Initial `process.env` of the simulated process. */
  env: Readonly<Record<string, string>>
}

export type LoadResult = { ok: true } | { ok: false; error: ErrorInfo }

export type RealmState = 'empty' | 'running' | 'crashed'

/** A view of one session store, for inspection and for the playground's store controls. */
export interface StoreHandle {
  storeId: number
  kind: string
  /** Raw contents without the reads that prune expired entries; `undefined` for opaque stores. */
  entries(): Record<string, unknown> | undefined
  /**
   * The same entries as text, each as the store keeps it (JSON for MemoryStore and Redis), so
   * that a reader can tell what changed without parsing every session; `parseEntry` turns one
   * back into data. `undefined` for opaque stores.
   */
  entryTexts(): Map<string, string> | undefined
  parseEntry(text: string): unknown
  /** What the backend puts before each session id in its keys (connect-redis: `sess:`). */
  keyPrefix: string | undefined
  /**
   * What the backend keeps beside each session, as text (connect-pg-simple's `expire` column,
   * connect-mongo's `expires` field); `undefined` when it keeps nothing but the session.
   */
  entryFields(): Map<string, Record<string, string>> | undefined
  emitStatus(status: 'connect' | 'disconnect'): void
  clear(): void
  remove(sessionId: string): void
  write(sessionId: string, data: unknown): void
}

export interface RealmInstance {
  loadServer(source: string, filename: string): LoadResult
  handle(request: SimRequest, requestId: number): Promise<SimResponse>
  /** The client gave up on a request (timeout): its connection closes, as when a browser stops. */
  abandon(requestId: number): void
  stores(): StoreHandle[]
  state(): RealmState
  /** Stops every timer the server code left running; the realm is unusable afterwards. */
  dispose(): void
  /** A promise of this realm's was rejected and nothing handled it (the host noticed). */
  rejectUnhandled(reason: unknown): void
}
