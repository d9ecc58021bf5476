import { useDeferredValue, useId, useMemo, useState } from 'react'
import type { StoreView } from '../../../mocks/server'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import { linkCookiesToSessions, type CookieLink } from './session-cookie-links'
import { expiresAtOf } from '../../shared/stored-session'
import type { StoredSession } from './SessionList'
import { lazySessionList } from './lazy-session-list'
import { StoreActivity } from './StoreActivity'
import { useVirtualNow } from '../../shared/use-virtual-now'
import { forgettingOf, WHY_STILL_STORED } from './session-expiry'
import './store-inspector.css'

/** A row of the list, with its `cookie.expires` parsed once. */
interface ListedSession extends StoredSession {
  expiresMs: number | undefined
}

/**
 * The list row of each stored session object, kept while the object is: the playground keeps
 * the object of a session that did not change from one store read to the next, so a store of
 * 10 000 that changed in one entry builds one new row and parses one expiry.
 */
const rowCache = new WeakMap<object, ListedSession>()
function rowOf(id: string, data: unknown): ListedSession {
  if (typeof data !== 'object' || data === null) return { id, data, expiresMs: expiresAtOf(data) }
  let row = rowCache.get(data)
  if (row?.id !== id) {
    row = { id, data, expiresMs: expiresAtOf(data) }
    rowCache.set(data, row)
  }
  return row
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`
}

/** Session ids containing `query`, case-insensitively (ids are base64url, hard to type exactly). */
export function filterSessionsById(
  sessions: readonly StoredSession[],
  query: string,
): readonly StoredSession[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return sessions
  return sessions.filter((session) => session.id.toLowerCase().includes(needle))
}

function StoreSection({
  store,
  query,
  links,
  nowMs,
}: {
  store: StoreView
  query: string
  links: ReadonlyMap<string, CookieLink[]>
  nowMs: number
}) {
  const playground = usePlayground()
  const disconnected = usePlaygroundState((state) =>
    state.disconnectedStoreIds.includes(store.storeId),
  )
  const [switching, setSwitching] = useState(false)
  const sessions = useMemo(
    () => Array.from(store.entries ?? [], ([id, data]) => rowOf(id, data)),
    [store.entries],
  )
  const filtered = useMemo(() => filterSessionsById(sessions, query), [sessions, query])
  // Each row's expiry is parsed once, so the count can follow the clock every second cheaply.
  const expired = sessions.filter(({ expiresMs }) => expiresMs !== undefined && expiresMs <= nowMs)
  const headingId = useId()
  const forgetting = forgettingOf(store.kind)
  const whyStored = WHY_STILL_STORED[forgetting]

  const switchConnection = async () => {
    setSwitching(true)
    try {
      await playground.setStoreConnection(store.storeId, disconnected)
    } finally {
      setSwitching(false)
    }
  }

  return (
    <section className="store-inspector__store" aria-labelledby={headingId}>
      <header className="store-inspector__store-header">
        <h3 id={headingId}>
          {store.instance === undefined
            ? `Store ${store.storeId}`
            : `Instance ${store.instance}'s store`}{' '}
          <span className="store-inspector__kind">{store.kind}</span>
        </h3>
        <span
          className={`store-inspector__status${disconnected ? ' is-disconnected' : ''}`}
          role="status"
        >
          {disconnected
            ? 'disconnected — express-session skips sessions until it reconnects'
            : 'connected'}
        </span>
        <button type="button" onClick={() => void switchConnection()} disabled={switching}>
          {disconnected ? 'Connect' : 'Disconnect'}
        </button>
      </header>
      {store.entries === undefined ? (
        <p className="store-inspector__opaque">
          The playground cannot read inside a {store.kind}: its sessions are kept where only the
          store itself can see them. The store calls below still show what express-session asked of
          it.
        </p>
      ) : sessions.length === 0 ? (
        <p className="empty">
          The store is empty — sessions appear here when express-session saves one
        </p>
      ) : (
        <>
          <p className="store-inspector__count">
            {query.trim()
              ? `${plural(filtered.length, 'session')} of ${sessions.length.toLocaleString('en')} match`
              : plural(sessions.length, 'session')}
            {expired.length > 0 &&
              ` · ${expired.length.toLocaleString('en')} expired but still stored${whyStored ? ` (${whyStored})` : ''}`}
          </p>
          {filtered.length === 0 ? (
            <p className="empty">No session id contains “{query.trim()}”.</p>
          ) : (
            <lazySessionList.Component
              storeId={store.storeId}
              keyPrefix={store.keyPrefix}
              forgetting={forgetting}
              fields={store.fields}
              sessions={filtered}
              links={links}
              nowMs={nowMs}
            />
          )}
        </>
      )}
    </section>
  )
}

/** Every stored session of every store, linked to the browser cookies that carry its id. */
export function StoreInspector() {
  const stores = usePlaygroundState((state) => state.stores)
  const profiles = usePlaygroundState((state) => state.profiles)
  const middlewares = usePlaygroundState((state) => state.server.middlewares)
  const nowMs = useVirtualNow()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const links = useMemo(
    () =>
      linkCookiesToSessions(
        Object.entries(profiles).map(([profile, { cookies }]) => ({ profile, cookies })),
        middlewares,
      ),
    [profiles, middlewares],
  )
  const searchId = useId()
  lazySessionList.usePrefetch()

  return (
    <section aria-labelledby="store-inspector-heading" className="panel store-inspector">
      <h2 id="store-inspector-heading">Session store</h2>
      {stores.length === 0 ? (
        <p className="empty">
          No session store — the running server has not created one (it calls no{' '}
          <code>session()</code>).
        </p>
      ) : (
        <>
          <div className="store-inspector__search">
            <label htmlFor={searchId}>Filter by session id</label>
            <input
              id={searchId}
              type="search"
              value={query}
              placeholder="e.g. ubpDZmcv"
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          {stores.map((store) => (
            <StoreSection
              key={store.storeId}
              store={store}
              query={deferredQuery}
              links={links}
              nowMs={nowMs}
            />
          ))}
        </>
      )}
      <StoreActivity showStoreIds={stores.length > 1} />
    </section>
  )
}
