import { useEffect, useState } from 'react'
import { usePlaygroundStore } from '../../state/store'

const TICK_MS = 1000

/** Virtual time (the server's clock), re-read every second so countdowns tick. */
export function useVirtualNow(): number {
  const offsetMs = usePlaygroundStore((state) => state.server.clockOffsetMs)
  const [realNow, setRealNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setRealNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])
  return realNow + offsetMs
}
