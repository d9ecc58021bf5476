import { useEffect, useState } from 'react'
import { usePlaygroundState } from '../state/use-playground-state'

/**
 * The server's virtual time, re-read every `tickMs`: virtual now = Date.now() + clockOffsetMs.
 * Jumps at once when the learner advances the clock (the offset is in the store).
 */
export function useVirtualNow(tickMs = 1000): number {
  const offsetMs = usePlaygroundState((state) => state.server.clockOffsetMs)
  const [realNowMs, setRealNowMs] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setRealNowMs(Date.now()), tickMs)
    return () => clearInterval(timer)
  }, [tickMs])
  return realNowMs + offsetMs
}
