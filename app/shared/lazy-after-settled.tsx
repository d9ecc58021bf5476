import { useEffect, useState, type ComponentType } from 'react'

/**
 * A component that no lesson needs before the learner's first request, kept out of the bytes the
 * first lesson waits for: it is fetched once the page has settled (as the code editor is), or as
 * soon as it is wanted, whichever comes first; "Loading…" stands in its place meanwhile, and a
 * failed fetch says so, with a button to try again.
 */
export interface LazyAfterSettled<Props extends object> {
  /** Fetches the component (once); resolves when it can render. */
  load(): Promise<unknown>
  /** Fetches the component once the page has been idle a while. */
  usePrefetch(): void
  Component: ComponentType<Props>
}

/** As long as the editor's prefetch waits (server-controls): the first lesson is usable by then. */
const PREFETCH_AFTER_MS = 3000

type Status = { state: 'loading' } | { state: 'failed'; message: string }

export function lazyAfterSettled<Props extends object>(
  /** What it shows, for "Loading the …" and "The … could not be loaded". */
  what: string,
  fetchComponent: () => Promise<ComponentType<Props>>,
): LazyAfterSettled<Props> {
  let loaded: ComponentType<Props> | undefined
  let loading: Promise<ComponentType<Props>> | undefined

  const load = (): Promise<ComponentType<Props>> => {
    loading ??= fetchComponent().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A later render tries again (the network may be back).
        loading = undefined
        throw error
      },
    )
    return loading
  }

  function usePrefetch(): void {
    useEffect(() => {
      if (loaded) return
      let idle: number | undefined
      const prefetch = () => void load().catch(() => {})
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

  function Component(props: Props) {
    // A function in state is called as an updater: the component is kept in an object.
    const [ready, setReady] = useState(loaded && { component: loaded })
    const [status, setStatus] = useState<Status>({ state: 'loading' })
    const [attempt, setAttempt] = useState(0)
    useEffect(() => {
      if (ready) return
      let current = true
      load().then(
        (component) => current && setReady({ component }),
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
    }, [ready, attempt])

    if (ready) return <ready.component {...props} />
    if (status.state === 'loading') return <p className="empty">Loading the {what}…</p>
    return (
      <div role="alert">
        <p>
          The {what} could not be loaded ({status.message}).
        </p>
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

  return { load, usePrefetch, Component }
}
