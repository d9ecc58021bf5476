import { useCallback, useEffect, useRef } from 'react'

/** How close to the bottom still counts as "at the newest entry". */
const FOLLOW_THRESHOLD_PX = 40

/**
 * Keeps a scrolling list at its newest (last) entry each time `newest` changes, until the
 * learner scrolls up to older ones; scrolling back down follows again.
 *
 * The scroll waits for the next animation frame. Reading `scrollHeight` straight after React's
 * commit makes the browser lay the whole page out there and then, and once more when it draws
 * the frame; several panels doing so after one request cost several layouts. In the frame the
 * page is laid out once for all of them.
 */
export function useFollowNewest<T extends HTMLElement>(newest: unknown) {
  const ref = useRef<T>(null)
  const following = useRef(true)

  useEffect(() => {
    if (!following.current) return
    const frame = requestAnimationFrame(() => {
      const element = ref.current
      if (element && following.current) element.scrollTop = element.scrollHeight
    })
    return () => cancelAnimationFrame(frame)
  }, [newest])

  const onScroll = useCallback(() => {
    const element = ref.current
    if (!element) return
    following.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX
  }, [])

  return { ref, onScroll }
}
