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
 * What the row says about expiry. Only a store that prunes on read (MemoryStore) keeps an
 * expired entry around; others (Redis with a TTL) drop it themselves.
 */
export function describeExpiry(expiry: SessionExpiry, prunesOnRead = true): string {
  switch (expiry.kind) {
    case 'never':
      return 'no expiry (browser-session cookie)'
    case 'live':
      return `expires in ${formatDuration(expiry.remainingMs)}`
    case 'expired':
      return prunesOnRead ? 'expired — still stored until read' : 'expired'
  }
}
