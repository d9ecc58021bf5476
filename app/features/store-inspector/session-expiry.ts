/**
 * When a stored session expires, read the way MemoryStore reads it (session/memory.js,
 * getSession): `cookie.expires` (an ISO string once stored) at or before now means expired.
 * MemoryStore only notices on a read (get, touch, all, length), so an expired entry stays in
 * `store.sessions` until something reads it.
 */
import { expiresAtOf } from '../../shared/stored-session'

export type SessionExpiry =
  /** No `cookie.expires`: a browser-session cookie; MemoryStore keeps the entry forever. */
  | { kind: 'never' }
  | { kind: 'live'; expiresMs: number; remainingMs: number }
  | { kind: 'expired'; expiresMs: number; overdueMs: number }

export function sessionExpiry(data: unknown, nowMs: number): SessionExpiry {
  const expiresMs = expiresAtOf(data)
  if (expiresMs === undefined) return { kind: 'never' }
  if (expiresMs <= nowMs) return { kind: 'expired', expiresMs, overdueMs: nowMs - expiresMs }
  return { kind: 'live', expiresMs, remainingMs: expiresMs - nowMs }
}

const UNITS: Array<[label: string, ms: number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
]

/** A countdown to the second, at most two units: `9 min 58 s`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000
  const parts: string[] = []
  for (const [label, size] of UNITS) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0 || parts.length > 0) parts.push(`${count} ${label}`)
    if (parts.length === 2) break
  }
  if (parts.length === 0) return '0 s'
  return parts.filter((part, index) => index === 0 || !part.startsWith('0 ')).join(' ')
}

/**
 * How a store forgets an expired session: MemoryStore when it reads it (session/memory.js),
 * Redis by the key's TTL, connect-pg-simple on its prune interval, MongoDB when its TTL monitor
 * passes (once a minute). Whatever the way, a read never returns an expired session.
 */
export type StoreForgetting = 'on-read' | 'ttl' | 'prune' | 'ttl-monitor'

const FORGETTING = /(?<ttl>redis)|(?<prune>pg|postgres)|(?<monitor>mongo)/i

/** Unknown stores are assumed to behave like MemoryStore. */
export function forgettingOf(storeKind: string): StoreForgetting {
  const groups = FORGETTING.exec(storeKind)?.groups
  if (groups?.ttl) return 'ttl'
  if (groups?.prune) return 'prune'
  if (groups?.monitor) return 'ttl-monitor'
  return 'on-read'
}

const STILL_STORED: Record<StoreForgetting, string> = {
  'on-read': 'expired — still stored until read',
  ttl: 'expired',
  prune: 'expired — awaits the prune',
  'ttl-monitor': 'expired — awaits the TTL monitor',
}

/** Why expired sessions are still in the store, for the store's count line. */
export const WHY_STILL_STORED: Record<StoreForgetting, string> = {
  'on-read': 'MemoryStore only drops an entry when it reads it',
  ttl: '',
  prune: 'connect-pg-simple deletes expired rows on its prune interval; reads skip them',
  'ttl-monitor': "MongoDB's TTL monitor removes expired documents once a minute; reads skip them",
}

/** What the row says about expiry. */
export function describeExpiry(
  expiry: SessionExpiry,
  forgetting: StoreForgetting = 'on-read',
): string {
  switch (expiry.kind) {
    case 'never':
      return 'no expiry (browser-session cookie)'
    case 'live':
      return `expires in ${formatDuration(expiry.remainingMs)}`
    case 'expired':
      return STILL_STORED[forgetting]
  }
}
