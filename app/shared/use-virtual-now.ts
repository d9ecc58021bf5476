import { useEffect, useState } from 'react'
import { usePlaygroundState } from '../state/use-playground-state'
import { virtualNowOf } from '../state/server-slice'

/**
 * The server's virtual time: while the clock runs, re-read every `tickMs` (Date.now() plus the
 * offset); while it is paused, the time it is paused at. Jumps at once when the learner advances
 * the clock (the offset, or the paused time, is in the store).
 */
export function useVirtualNow(tickMs = 1000): number {
  const offsetMs = usePlaygroundState((state) => state.server.clockOffsetMs)
  const pausedAtMs = usePlaygroundState((state) => state.server.clockPausedAtMs)
  const [realNowMs, setRealNowMs] = useState(() => Date.now())
  const paused = pausedAtMs !== undefined
  useEffect(() => {
    // A paused clock shows one time: nothing to re-read until it runs again.
    if (paused) return
    const timer = setInterval(() => setRealNowMs(Date.now()), tickMs)
    return () => clearInterval(timer)
  }, [tickMs, paused])
  return virtualNowOf({ clockOffsetMs: offsetMs, clockPausedAtMs: pausedAtMs }, realNowMs)
}
