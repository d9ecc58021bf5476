/**
 * Which request the realm is serving right now, so that console lines, debug lines and store
 * calls can be attributed to it. Browsers have no AsyncLocalStorage: instead every way into the
 * realm from the event loop (our timers, nextTick, stream callbacks we schedule) captures the
 * current request when it is scheduled and restores it when it runs. Promise continuations are
 * not tracked; for those, the only request in flight (the common case) is assumed.
 */
/** A request id; `null` when known to be outside any request; `undefined` when unknown. */
let current: number | null | undefined
const inFlight = new Set<number>()

export function currentRequestId(): number | undefined {
  if (current !== undefined) return current ?? undefined
  if (inFlight.size === 1) return inFlight.values().next().value
  return undefined
}

export function runInRequest<T>(requestId: number | null, body: () => T): T {
  const previous = current
  current = requestId
  try {
    return body()
  } finally {
    current = previous
  }
}

/** Wraps a callback so that it runs in the request that was current when it was scheduled. */
export function bindToCurrentRequest<A extends unknown[], R>(
  callback: (...args: A) => R,
): (...args: A) => R {
  const requestId = currentRequestId() ?? null
  return (...args: A) => runInRequest(requestId, () => callback(...args))
}

export function markRequestStarted(requestId: number): void {
  inFlight.add(requestId)
}

export function markRequestFinished(requestId: number): void {
  inFlight.delete(requestId)
}
