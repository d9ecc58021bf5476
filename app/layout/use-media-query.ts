import { useSyncExternalStore } from 'react'

/** The width at and below which the playground shows one panel at a time, as tabs. */
export const PHONE_QUERY = '(max-width: 600px)'

function canMatchMedia(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
}

/** Whether a CSS media query matches now; re-renders when that changes. False where unknown. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (!canMatchMedia()) return () => {}
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => canMatchMedia() && window.matchMedia(query).matches,
    () => false,
  )
}
