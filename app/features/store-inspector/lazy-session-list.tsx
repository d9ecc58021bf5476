import { useEffect, useState, type ComponentProps } from 'react'
import type * as SessionListExports from './SessionList'

/**
 * The session list and its virtualizer load apart from the page: every lesson starts with an
 * empty store, so nothing needs them before the learner's first request, and they were ~10 KB
 * gzip of what the first lesson waited for. They are fetched once the page has settled, as the
 * code editor is; a list wanted sooner is fetched then, "Loading…" in its place meanwhile.
 */
type SessionListModule = typeof SessionListExports

let loaded: SessionListModule | undefined
let loading: Promise<SessionListModule> | undefined

export function loadSessionList(): Promise<SessionListModule> {
  loading ??= import('./SessionList').then(
    (module) => (loaded = module),
    (error: unknown) => {
      // A later render tries again (the network may be back).
      loading = undefined
      throw error
    },
  )
  return loading
}

/** As long as the editor's prefetch waits (server-controls): the first lesson is usable by then. */
const PREFETCH_AFTER_MS = 3000

/** Fetches the list once the page has been idle a while, so that it is there when wanted. */
export function usePrefetchSessionList(): void {
  useEffect(() => {
    if (loaded) return
    let idle: number | undefined
    const prefetch = () => void loadSessionList().catch(() => {})
    const timer = setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function')
        idle = window.requestIdleCallback(prefetch, { timeout: 2000 })
      else prefetch()
    }, PREFETCH_AFTER_MS)
    return () => {
      clearTimeout(timer)
      if (idle !== undefined) window.cancelIdleCallback(idle)
    }
  }, [])
}

type Loading = { state: 'loading' } | { state: 'failed'; message: string }

export function LazySessionList(props: ComponentProps<SessionListModule['SessionList']>) {
  const [module, setModule] = useState(loaded)
  const [status, setStatus] = useState<Loading>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (module) return
    let current = true
    loadSessionList().then(
      (ready) => current && setModule(ready),
      (error: unknown) =>
        current &&
        setStatus({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    return () => {
      current = false
    }
  }, [module, attempt])

  if (module) return <module.SessionList {...props} />
  if (status.state === 'loading') return <p className="empty">Loading the session list…</p>
  return (
    <div role="alert">
      <p>The session list could not be loaded ({status.message}).</p>
      <button
        type="button"
        onClick={() => {
          setStatus({ state: 'loading' })
          setAttempt((count) => count + 1)
        }}
      >
        Try again
      </button>
    </div>
  )
}
