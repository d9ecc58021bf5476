import { useCallback, useEffect, useRef } from 'react'

/** How close to the bottom still counts as "at the newest entry". */
const FOLLOW_THRESHOLD_PX = 40

/**
 * Keeps a scrolling list at its newest (last) entry each time `newest` changes, until the
 * learner scrolls up to older ones; scrolling back down follows again.
 *
 * A list in a hidden panel has no height, so it cannot scroll while hidden: when its panel is
 * shown (or resized) and it was following, it goes to its newest entry then.
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

  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (following.current && element.clientHeight > 0) element.scrollTop = element.scrollHeight
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const onScroll = useCallback(() => {
    const element = ref.current
    if (!element) return
    following.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX
  }, [])

  return { ref, onScroll }
}
