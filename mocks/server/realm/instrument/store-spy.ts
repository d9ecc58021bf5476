/**
 * Watches a session store — MemoryStore or any store a lesson brings — by wrapping the store
 * methods on the instance. Every call and its callback become store events (with the session
 * id), so the playground can show the store traffic of each request in order. Wrapping keeps
 * `typeof store.touch` unchanged, so express-session takes the same decisions.
 */
import { emitEvent } from '../event-sink'
import { host, SIMULATED_REDIS } from '../realm-host'
import { describeError } from '../describe-error'
import type { StoreHandle, StoreOperation } from '../realm-types'

const OPERATIONS: readonly StoreOperation[] = [
  'get',
  'set',
  'touch',
  'destroy',
  'all',
  'length',
  'clear',
]
const TAKES_SESSION_ID = new Set<StoreOperation>(['get', 'set', 'touch', 'destroy'])

export interface SessionStoreLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown
  emit(event: string, ...args: unknown[]): boolean
  [method: string]: unknown
}

/** How the playground reads and edits one kind of store without going through its API. */
export interface StoreInspector {
  matches(store: SessionStoreLike): boolean
  entries(store: SessionStoreLike): Record<string, unknown>
  /** Each entry's text as the backend keeps it; without it, texts come from `entries`. */
  entryTexts?(store: SessionStoreLike): Map<string, string>
  /** One entry, read without the others (every `get` asks); without it, from `entries`. */
  entry?(store: SessionStoreLike, sessionId: string): unknown
  /** Set when the backend's keys are not the bare session ids. */
  keyPrefix?(store: SessionStoreLike): string
  /** What the backend keeps beside each session (an expiry column), as text. */
  entryFields?(store: SessionStoreLike): Map<string, Record<string, string>>
  write(store: SessionStoreLike, sessionId: string, data: unknown): void
  remove(store: SessionStoreLike, sessionId: string): void
  clear(store: SessionStoreLike): void
}

/** MemoryStore keeps `sessions`: id → JSON string (session/memory.js). */
const memoryStoreInspector: StoreInspector = {
  matches: (store) => typeof store.sessions === 'object' && store.sessions !== null,
  entries: (store) => {
    const entries: Record<string, unknown> = {}
    for (const [id, json] of Object.entries(store.sessions as Record<string, unknown>)) {
      entries[id] = typeof json === 'string' ? safeParse(json) : json
    }
    return entries
  },
  entryTexts: (store) => {
    const sessions = store.sessions as Record<string, unknown>
    const texts = new Map<string, string>()
    // for…in: MemoryStore's sessions object has no prototype, and at 10 000 sessions
    // Object.entries costs several times as much.
    for (const id in sessions) {
      const json = sessions[id]
      texts.set(id, typeof json === 'string' ? json : textOf(json))
    }
    return texts
  },
  entry: (store, sessionId) => {
    const json = (store.sessions as Record<string, unknown>)[sessionId]
    return typeof json === 'string' ? safeParse(json) : json
  },
  write: (store, sessionId, data) => {
    ;(store.sessions as Record<string, string>)[sessionId] = JSON.stringify(data)
  },
  remove: (store, sessionId) => {
    delete (store.sessions as Record<string, string>)[sessionId]
  },
  clear: (store) => {
    store.sessions = Object.create(null)
  },
}

/** connect-redis keeps `prefix + id` → JSON in Redis; ours is the host's simulated Redis. */
const redisStoreInspector: StoreInspector = {
  matches: (store) => {
    const client = store.client as Record<symbol, unknown> | undefined
    return typeof store.prefix === 'string' && client?.[SIMULATED_REDIS] === true
  },
  entries: (store) => {
    const prefix = store.prefix as string
    const entries: Record<string, unknown> = {}
    for (const key of host.redis.keys(`${prefix}*`)) {
      entries[key.slice(prefix.length)] = safeParse(host.redis.get(key) ?? 'null')
    }
    return entries
  },
  entryTexts: (store) => {
    const prefix = store.prefix as string
    const texts = new Map<string, string>()
    for (const key of host.redis.keys(`${prefix}*`)) {
      texts.set(key.slice(prefix.length), host.redis.get(key) ?? 'null')
    }
    return texts
  },
  entry: (store, sessionId) => {
    const json = host.redis.get(`${store.prefix as string}${sessionId}`)
    return json === undefined || json === null ? undefined : safeParse(json)
  },
  keyPrefix: (store) => store.prefix as string,
  // The key's own time to live, as Redis's TTL answers it when the panel reads the store.
  entryFields: (store) => {
    const prefix = store.prefix as string
    const fields = new Map<string, Record<string, string>>()
    for (const key of host.redis.keys(`${prefix}*`)) {
      const ttl = host.redis.ttl(key)
      fields.set(key.slice(prefix.length), { TTL: ttl < 0 ? 'none' : `${ttl} s` })
    }
    return fields
  },
  write: (store, sessionId, data) => {
    const key = `${store.prefix as string}${sessionId}`
    const ttlMs = host.redis.pttl(key)
    host.redis.set(key, JSON.stringify(data), ttlMs > 0 ? ttlMs / 1000 : undefined)
  },
  remove: (store, sessionId) => {
    host.redis.del([`${store.prefix as string}${sessionId}`])
  },
  clear: (store) => {
    host.redis.del(host.redis.keys(`${store.prefix as string}*`))
  },
}

/** connect-pg-simple keeps rows (sid, sess, expire) in a table of the host's Postgres. */
const pgStoreInspector: StoreInspector = {
  matches: (store) =>
    host.postgres !== undefined &&
    typeof store.quotedTable === 'function' &&
    typeof store.pruneSessions === 'function',
  entries: (store) => {
    const entries: Record<string, unknown> = {}
    for (const row of pgRows(store)) entries[row.sid] = safeParse(row.sess)
    return entries
  },
  entryTexts: (store) => new Map(pgRows(store).map((row) => [row.sid, row.sess])),
  entryFields: (store) => new Map(pgRows(store).map((row) => [row.sid, { expire: row.expire }])),
  write: (store, sessionId, data) =>
    host.postgres?.editSession(pgTable(store), {
      kind: 'write',
      sid: sessionId,
      sess: JSON.stringify(data),
    }),
  remove: (store, sessionId) =>
    host.postgres?.editSession(pgTable(store), { kind: 'delete', sid: sessionId }),
  clear: (store) => host.postgres?.editSession(pgTable(store), { kind: 'clear' }),
}

/** connect-mongo keeps documents `{ _id, expires, session }` in a collection of the host's MongoDB. */
const mongoStoreInspector: StoreInspector = {
  matches: (store) =>
    host.mongo !== undefined &&
    typeof store.collectionP === 'object' &&
    typeof (store.options as { collectionName?: unknown } | undefined)?.collectionName === 'string',
  entries: (store) => {
    const entries: Record<string, unknown> = {}
    for (const { id, text } of mongoSessions(store)) entries[id] = safeParse(text)
    return entries
  },
  entryTexts: (store) => new Map(mongoSessions(store).map(({ id, text }) => [id, text])),
  entryFields: (store) => new Map(mongoSessions(store).map(({ id, fields }) => [id, fields])),
  write: (store, sessionId, data) => {
    const stringify = (store.options as { stringify?: unknown }).stringify !== false
    host.mongo?.editDocuments(...mongoNamespace(store), {
      kind: 'set-field',
      id: sessionId,
      field: 'session',
      value: stringify ? JSON.stringify(data) : data,
    })
  },
  remove: (store, sessionId) =>
    host.mongo?.editDocuments(...mongoNamespace(store), { kind: 'delete', id: sessionId }),
  clear: (store) => host.mongo?.editDocuments(...mongoNamespace(store), { kind: 'clear' }),
}

const mongoSessions = (store: SessionStoreLike) =>
  host.mongo?.sessions(...mongoNamespace(store)) ?? []

/** The database a store's client names by default, once its connection resolved. */
const mongoDefaultDatabase = new WeakMap<SessionStoreLike, string>()

function mongoNamespace(store: SessionStoreLike): [string, string] {
  const options = store.options as {
    dbName?: string
    collectionName: string
    mongoUrl?: unknown
    client?: { options?: { dbName?: string } }
  }
  if (!mongoDefaultDatabase.has(store)) {
    // The driver's default: the connection string's path, else "test".
    const fromUrl =
      typeof options.mongoUrl === 'string'
        ? /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(options.mongoUrl)?.[1]
        : undefined
    mongoDefaultDatabase.set(
      store,
      options.client?.options?.dbName ?? (fromUrl ? decodeURIComponent(fromUrl) : 'test'),
    )
    void (store.clientP as Promise<{ options?: { dbName?: string } }>).then(
      (client) => mongoDefaultDatabase.set(store, client?.options?.dbName ?? 'test'),
      () => undefined,
    )
  }
  return [options.dbName ?? mongoDefaultDatabase.get(store) ?? 'test', options.collectionName]
}

function pgTable(store: SessionStoreLike): string {
  return (store.quotedTable as () => string).call(store)
}

function pgRows(store: SessionStoreLike) {
  const table = pgTable(store)
  host.postgres?.watchTable(table)
  return host.postgres?.sessionRows(table) ?? []
}

const inspectors: StoreInspector[] = [
  pgStoreInspector,
  mongoStoreInspector,
  redisStoreInspector,
  memoryStoreInspector,
]

export function registerStoreInspector(inspector: StoreInspector): void {
  inspectors.unshift(inspector)
}

function entryOf(store: SessionStoreLike, sessionId: string): unknown {
  const inspector = inspectorFor(store)
  if (!inspector) return undefined
  return inspector.entry ? inspector.entry(store, sessionId) : inspector.entries(store)[sessionId]
}

function textOf(data: unknown): string {
  return JSON.stringify(data) ?? String(data)
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return json
  }
}

interface TrackedStore {
  storeId: number
  store: SessionStoreLike
  originals: Partial<Record<StoreOperation, (...args: unknown[]) => unknown>>
}

const tracked = new Map<SessionStoreLike, TrackedStore>()
let nextStoreId = host.firstStoreId ?? 1
let nextCallId = 1

function isExpiredEntry(entry: unknown, now: number): boolean {
  const expires = (entry as { cookie?: { expires?: unknown } } | undefined)?.cookie?.expires
  if (typeof expires !== 'string' && !(expires instanceof Date)) return false
  return new Date(expires).getTime() <= now
}

function wrapOperation(record: TrackedStore, operation: StoreOperation): void {
  const original = record.store[operation]
  if (typeof original !== 'function') return
  record.originals[operation] = original as (...args: unknown[]) => unknown
  const { store, storeId } = record

  Object.defineProperty(store, operation, {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      const callId = nextCallId++
      const sessionId =
        TAKES_SESSION_ID.has(operation) && typeof args[0] === 'string' ? args[0] : undefined
      const event: Parameters<typeof emitEvent>[0] = {
        kind: 'store-call',
        callId,
        storeId,
        operation,
        ...(sessionId === undefined ? {} : { sessionId }),
      }
      if (operation === 'get' && sessionId !== undefined) {
        const entry = entryOf(store, sessionId)
        if (entry !== undefined && isExpiredEntry(entry, Date.now())) {
          Object.assign(event, { expired: true })
        }
      }
      emitEvent(event)

      const last = args.length - 1
      const callback = args[last]
      if (typeof callback === 'function') {
        args[last] = function (this: unknown, error: unknown, result: unknown, ...rest: unknown[]) {
          emitEvent({
            kind: 'store-result',
            callId,
            storeId,
            operation,
            ...(sessionId === undefined ? {} : { sessionId }),
            ...(error ? { error: describeError(error) } : {}),
            ...(operation === 'get' ? { found: !error && Boolean(result) } : {}),
          })
          return (callback as (...values: unknown[]) => unknown).call(this, error, result, ...rest)
        }
      }
      return (original as (...values: unknown[]) => unknown).apply(this, args)
    },
  })
}

function inspectorFor(store: SessionStoreLike): StoreInspector | undefined {
  return inspectors.find((inspector) => inspector.matches(store))
}

export function trackStore(store: SessionStoreLike): number {
  const existing = tracked.get(store)
  if (existing) return existing.storeId
  const record: TrackedStore = { storeId: nextStoreId++, store, originals: {} }
  tracked.set(store, record)
  for (const operation of OPERATIONS) wrapOperation(record, operation)
  const storeKind = (store as { constructor?: { name?: string } }).constructor?.name || 'Store'
  emitEvent({ kind: 'store-created', storeId: record.storeId, storeKind })
  return record.storeId
}

function handleFor(record: TrackedStore): StoreHandle {
  const { store, storeId, originals } = record
  const inspector = () => inspectorFor(store)
  const viaApi = (operation: StoreOperation, ...args: unknown[]) => {
    const original = originals[operation]
    if (!original) throw new Error(`this store has no ${operation}() method`)
    original.apply(store, [...args, () => {}])
  }
  const found = inspector()
  return {
    storeId,
    kind: (store as { constructor?: { name?: string } }).constructor?.name || 'Store',
    entries: () => inspector()?.entries(store),
    entryTexts: () => {
      const found = inspector()
      if (!found) return undefined
      if (found.entryTexts) return found.entryTexts(store)
      const texts = new Map<string, string>()
      for (const [id, data] of Object.entries(found.entries(store))) texts.set(id, textOf(data))
      return texts
    },
    parseEntry: safeParse,
    keyPrefix: found?.keyPrefix?.(store),
    entryFields: () => {
      const found = inspector()
      return found?.entryFields ? found.entryFields(store) : undefined
    },
    emitStatus: (status) => {
      store.emit(status)
    },
    clear: () => {
      const found = inspector()
      if (found) found.clear(store)
      else viaApi('clear')
    },
    remove: (sessionId) => {
      const found = inspector()
      if (found) found.remove(store, sessionId)
      else viaApi('destroy', sessionId)
    },
    write: (sessionId, data) => {
      const found = inspector()
      if (found) found.write(store, sessionId, data)
      else viaApi('set', sessionId, data)
    },
  }
}

export function storeHandles(): StoreHandle[] {
  return [...tracked.values()].map(handleFor)
}
