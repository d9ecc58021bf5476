/**
 * The React binding of route.ts: `useRoute()` re-renders on every change of `location.hash`
 * (links, the back button, `navigate`), and `navigate(route)` moves there.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { formatRoute, parseRoute, type Route } from './route'

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('hashchange', listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('hashchange', listener)
    window.removeEventListener('popstate', listener)
  }
}

function readHash(): string {
  return window.location.hash
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash, () => '')
  return useMemo(() => parseRoute(hash), [hash])
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (for redirects, not for links). */
  replace?: boolean
}

/**
 * Goes to `route`. Listeners hear of it at once: browsers fire `hashchange` only later, and
 * `history.replaceState` never does.
 */
export function navigate(route: Route, options: NavigateOptions = {}): void {
  const hash = formatRoute(route)
  if (window.location.hash === hash) return
  if (options.replace) window.history.replaceState(window.history.state, '', hash)
  else window.location.hash = hash
  for (const listener of [...listeners]) listener()
}
