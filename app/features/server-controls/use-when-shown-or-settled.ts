import { useEffect, useState, type RefObject } from 'react'

/**
 * When to fetch the editor: once `element` is shown (its panel is the chosen tab), or once the
 * page has been idle for PREFETCH_AFTER_MS anyway, so that it is there before it is wanted. It
 * is a large part of the app's JavaScript and no lesson needs it to start: the first lesson
 * becomes usable without waiting for it.
 */
const PREFETCH_AFTER_MS = 3000

export function useWhenShownOrSettled(element: RefObject<Element | null>): boolean {
  const [wanted, setWanted] = useState(false)
  useEffect(() => {
    if (wanted) return
    const want = () => setWanted(true)
    let idle: number | undefined
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function')
        idle = window.requestIdleCallback(want, { timeout: 2000 })
      else want()
    }
    const target = element.current
    // Without IntersectionObserver (jsdom, old browsers) the editor comes at the first idle.
    const canObserve = target !== null && typeof IntersectionObserver === 'function'
    const observer = canObserve
      ? new IntersectionObserver((entries) => {
          if (entries.some((entry) => entry.isIntersecting)) want()
        })
      : undefined
    if (target) observer?.observe(target)
    const timer = setTimeout(whenIdle, canObserve ? PREFETCH_AFTER_MS : 0)
    return () => {
      observer?.disconnect()
      clearTimeout(timer)
      if (idle !== undefined) window.cancelIdleCallback(idle)
    }
  }, [element, wanted])
  return wanted
}
