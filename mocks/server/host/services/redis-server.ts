/**
 * The simulated Redis server's command engine: one keyspace, strings and hashes, expiry on
 * whatever clock it is given. It answers argv arrays the way Redis 7.0 answers them over RESP2,
 * errors included, because tests/differential/redis holds it to a real `redis-server`.
 */
import { globMatches } from './redis-glob'

import type { RedisReply } from '../../realm/realm-types'

export type { RedisReply }

/** An error reply: its message is Redis's own text (`ERR …`, `WRONGTYPE …`). */
export class RedisErrorReply extends Error {}

type Value = { type: 'string'; data: string } | { type: 'hash'; data: Map<string, string> }

interface Entry {
  value: Value
  expiresAtMs: number | null
  /** Position in SCAN's order: a key present for a whole scan is returned exactly once. */
  slot: number
}

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value'
const NOT_INTEGER = 'ERR value is not an integer or out of range'
const SYNTAX = 'ERR syntax error'
const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)

const fail = (message: string): never => {
  throw new RedisErrorReply(message)
}

/** Redis's string2ll: an exact decimal int64, no sign `+`, no spaces, no leading zeros. */
function parseInteger(text: string, error = NOT_INTEGER): number {
  if (!/^-?(0|[1-9]\d*)$/.test(text) || text === '-0') return fail(error)
  const value = BigInt(text)
  if (value > INT64_MAX || value < INT64_MIN) return fail(error)
  return Number(value)
}

type Handler = (args: string[]) => RedisReply

export interface RedisServer {
  /** Runs one command (`['SET', 'k', 'v', 'EX', '10']`); an error reply is thrown. */
  command(argv: readonly string[]): RedisReply
  /** The live string value of a key, `null` when missing, expired or not a string. */
  getString(key: string): string | null
  /** Milliseconds to live: -1 without expiry, -2 when missing. */
  pttl(key: string): number
  /** Live keys matching a glob, in SCAN order. */
  keys(pattern: string): string[]
}

export function createRedisServer(now: () => number): RedisServer {
  const entries = new Map<string, Entry>()
  let nextSlot = 0

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && entry.expiresAtMs !== null && entry.expiresAtMs <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  const liveKeys = (): string[] => [...entries.keys()].filter((key) => live(key) !== undefined)
  const put = (key: string, value: Value, expiresAtMs: number | null): void => {
    const existing = entries.get(key)
    if (existing) {
      existing.value = value
      existing.expiresAtMs = expiresAtMs
    } else entries.set(key, { value, expiresAtMs, slot: nextSlot++ })
  }
  const stringOf = (key: string): string | null => {
    const entry = live(key)
    if (!entry) return null
    return entry.value.type === 'string' ? entry.value.data : fail(WRONGTYPE)
  }
  const hashOf = (key: string): Map<string, string> | undefined => {
    const entry = live(key)
    if (!entry) return undefined
    return entry.value.type === 'hash' ? entry.value.data : fail(WRONGTYPE)
  }
  const pttl = (key: string): number => {
    const entry = live(key)
    if (!entry) return -2
    return entry.expiresAtMs === null ? -1 : entry.expiresAtMs - now()
  }

  function set(args: string[]): RedisReply {
    const [key = '', value = ''] = args
    let condition: 'NX' | 'XX' | undefined
    let expiry: { unit: string; amount: number } | 'KEEPTTL' | undefined
    let get = false
    for (let i = 2; i < args.length; i++) {
      const option = (args[i] ?? '').toUpperCase()
      if ((option === 'NX' || option === 'XX') && !condition) condition = option
      else if (option === 'GET' && !get) get = true
      else if (option === 'KEEPTTL' && !expiry) expiry = 'KEEPTTL'
      else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(option) && !expiry && i + 1 < args.length) {
        const amount = parseInteger(args[++i] ?? '')
        if (amount <= 0) fail("ERR invalid expire time in 'set' command")
        expiry = { unit: option, amount }
      } else fail(SYNTAX)
    }
    const previous = live(key)
    const old = get ? stringOf(key) : null
    if ((condition === 'NX' && previous) || (condition === 'XX' && !previous)) {
      return get ? old : null
    }
    let expiresAtMs: number | null = null
    if (expiry === 'KEEPTTL') expiresAtMs = previous?.expiresAtMs ?? null
    else if (expiry) {
      const { unit, amount } = expiry
      expiresAtMs =
        unit === 'EX'
          ? now() + amount * 1000
          : unit === 'PX'
            ? now() + amount
            : unit === 'EXAT'
              ? amount * 1000
              : amount
    }
    put(key, { type: 'string', data: value }, expiresAtMs)
    return get ? old : 'OK'
  }

  function expire(args: string[], unitMs: number, name: string): RedisReply {
    const [key = '', amountText = ''] = args
    const amount = parseInteger(amountText)
    const flags = new Set<string>()
    for (const option of args.slice(2)) {
      const flag = option.toUpperCase()
      if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) fail(`ERR Unsupported option ${option}`)
      flags.add(flag)
    }
    if (flags.has('NX') && flags.size > 1)
      fail('ERR NX and XX, GT or LT options at the same time are not compatible')
    if (flags.has('GT') && flags.has('LT'))
      fail('ERR GT and LT options at the same time are not compatible')
    if (Math.abs(amount) * unitMs > Number.MAX_SAFE_INTEGER)
      fail(`ERR invalid expire time in '${name}' command`)
    const entry = live(key)
    if (!entry) return 0
    const when = now() + amount * unitMs
    const current = entry.expiresAtMs
    if (flags.has('NX') && current !== null) return 0
    if (flags.has('XX') && current === null) return 0
    // A key without a TTL counts as living forever: never "greater", always "less".
    if (flags.has('GT') && (current === null || when <= current)) return 0
    if (flags.has('LT') && current !== null && when >= current) return 0
    if (when <= now()) entries.delete(key)
    else entry.expiresAtMs = when
    return 1
  }

  function scan(args: string[]): RedisReply {
    const [cursorText = ''] = args
    // Redis reads the cursor with strtoul: a sign is allowed, and "-1" wraps to a huge cursor.
    if (!/^[+-]?\d+$/.test(cursorText)) fail('ERR invalid cursor')
    let parsed = BigInt(cursorText)
    if (parsed < 0n) parsed += 2n ** 64n
    if (parsed < 0n || parsed >= 2n ** 64n) fail('ERR invalid cursor')
    const cursor = Number(parsed)
    let pattern = '*'
    let count = 10
    let type: string | undefined
    for (let i = 1; i < args.length; i += 2) {
      const option = (args[i] ?? '').toUpperCase()
      const value = args[i + 1]
      if (value === undefined) fail(SYNTAX)
      if (option === 'MATCH') pattern = value ?? '*'
      else if (option === 'COUNT') {
        count = parseInteger(value ?? '')
        if (count < 1) fail(SYNTAX)
      } else if (option === 'TYPE') type = value
      else fail(SYNTAX)
    }
    const ahead = [...entries]
      .filter(([key, entry]) => entry.slot >= cursor && live(key) !== undefined)
      .sort(([, a], [, b]) => a.slot - b.slot)
    const batch = ahead.slice(0, count)
    const last = batch.at(-1)
    const next = batch.length < ahead.length && last ? last[1].slot + 1 : 0
    return [
      String(next),
      batch
        .filter(([key, entry]) => globMatches(pattern, key) && (!type || entry.value.type === type))
        .map(([key]) => key),
    ]
  }

  function incrementBy(key: string, by: number): RedisReply {
    const text = stringOf(key)
    const current = text === null ? 0 : parseInteger(text)
    const result = BigInt(current) + BigInt(by)
    if (result > INT64_MAX || result < INT64_MIN) fail('ERR increment or decrement would overflow')
    put(key, { type: 'string', data: String(result) }, live(key)?.expiresAtMs ?? null)
    return Number(result)
  }

  /** [arity, handler]: a positive arity is exact, a negative one a minimum (argv[0] counts). */
  const table: Record<string, [number, Handler]> = {
    ping: [-1, (args) => (args.length > 1 ? fail(arity('ping')) : (args[0] ?? 'PONG'))],
    get: [2, ([key = '']) => stringOf(key)],
    set: [-3, set],
    del: [-2, (keys) => keys.filter((key) => live(key) && entries.delete(key)).length],
    exists: [-2, (keys) => keys.filter((key) => live(key) !== undefined).length],
    expire: [-3, (args) => expire(args, 1000, 'expire')],
    pexpire: [-3, (args) => expire(args, 1, 'pexpire')],
    ttl: [
      2,
      ([key = '']) => {
        const ms = pttl(key)
        // Redis rounds to the nearest second, not up.
        return ms < 0 ? ms : Math.floor((ms + 500) / 1000)
      },
    ],
    pttl: [2, ([key = '']) => pttl(key)],
    persist: [
      2,
      ([key = '']) => {
        const entry = live(key)
        if (!entry || entry.expiresAtMs === null) return 0
        entry.expiresAtMs = null
        return 1
      },
    ],
    mget: [
      -2,
      (keys) =>
        keys.map((key) => {
          const value = live(key)?.value
          return value?.type === 'string' ? value.data : null
        }),
    ],
    scan: [-2, scan],
    keys: [2, ([pattern = '']) => liveKeys().filter((key) => globMatches(pattern, key))],
    dbsize: [1, () => liveKeys().length],
    type: [2, ([key = '']) => live(key)?.value.type ?? 'none'],
    flushdb: [-1, flush],
    flushall: [-1, flush],
    incr: [2, ([key = '']) => incrementBy(key, 1)],
    decr: [2, ([key = '']) => incrementBy(key, -1)],
    incrby: [3, ([key = '', by = '']) => incrementBy(key, parseInteger(by))],
    hset: [
      -4,
      ([key = '', ...pairs]) => {
        if (pairs.length % 2 !== 0) fail(arity('hset'))
        const hash = hashOf(key) ?? new Map<string, string>()
        let added = 0
        for (let i = 0; i < pairs.length; i += 2) {
          if (!hash.has(pairs[i] ?? '')) added++
          hash.set(pairs[i] ?? '', pairs[i + 1] ?? '')
        }
        put(key, { type: 'hash', data: hash }, live(key)?.expiresAtMs ?? null)
        return added
      },
    ],
    hget: [3, ([key = '', field = '']) => hashOf(key)?.get(field) ?? null],
    hgetall: [2, ([key = '']) => [...(hashOf(key) ?? [])].flat()],
    hdel: [
      -3,
      ([key = '', ...fields]) => {
        const hash = hashOf(key)
        if (!hash) return 0
        const removed = fields.filter((field) => hash.delete(field)).length
        if (hash.size === 0) entries.delete(key)
        return removed
      },
    ],
  }

  function flush(args: string[]): RedisReply {
    if (args.length > 1 || (args[0] && !['ASYNC', 'SYNC'].includes(args[0].toUpperCase())))
      fail(SYNTAX)
    entries.clear()
    return 'OK'
  }

  return {
    command(argv) {
      const [name = '', ...args] = argv.map(String)
      const known = table[name.toLowerCase()]
      if (!known) {
        const shown = args
          .slice(0, 128)
          .map((arg) => `'${arg.slice(0, 128)}' `)
          .join('')
        return fail(
          `ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${shown}`,
        )
      }
      const [expected, handler] = known
      const given = args.length + 1
      if ((expected > 0 && given !== expected) || (expected < 0 && given < -expected))
        fail(arity(name.toLowerCase()))
      return handler(args)
    },
    getString: (key) => {
      const value = live(key)?.value
      return value?.type === 'string' ? value.data : null
    },
    pttl,
    keys: (pattern) =>
      [...entries]
        .filter(([key]) => live(key) !== undefined && globMatches(pattern, key))
        .sort(([, a], [, b]) => a.slot - b.slot)
        .map(([key]) => key),
  }
}

function arity(name: string): string {
  return `ERR wrong number of arguments for '${name}' command`
}
