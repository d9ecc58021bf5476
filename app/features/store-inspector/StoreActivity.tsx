import { useMemo } from 'react'
import { usePlaygroundState } from '../../state/use-playground-state'
import { useFollowNewest } from '../../layout/use-follow-newest'
import { groupStoreActivity, hasChanges, shortId } from './store-activity'
import type { StoreQuery } from '../../state/activity-slice'

/** Older requests than this are summarized in a count, not listed. */
const SHOWN_REQUESTS = 25

function IdList({ ids }: { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <code title={id}>{shortId(id)}</code>
        </span>
      ))}
    </>
  )
}

/** The SQL one store call ran, each statement with its parameters and outcome. */
function StoreQueries({ queries }: { queries: readonly StoreQuery[] }) {
  return (
    <ul className="store-activity__queries" aria-label="SQL it ran">
      {queries.map((query, index) => (
        <li key={index} className={query.error ? 'store-activity__query--failed' : undefined}>
          <code className="store-activity__sql">{query.sql.replace(/\s+/g, ' ').trim()}</code>
          {query.params.length > 0 && (
            <span className="store-activity__params">
              {' '}
              with{' '}
              {query.params.map((param, position) => (
                <span key={position}>
                  {position > 0 && ', '}${position + 1} ={' '}
                  <code title={param ?? 'NULL'}>
                    {param === null ? 'NULL' : shortId(param, 24)}
                  </code>
                </span>
              ))}
            </span>
          )}
          <span className="store-activity__outcome">
            {' '}
            {query.error
              ? `→ error: ${query.error}`
              : query.rowCount === null
                ? ''
                : `→ ${query.rowCount} ${query.rowCount === 1 ? 'row' : 'rows'}`}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Per request: the store methods express-session called, then what changed in the store. */
export function StoreActivity({ showStoreIds }: { showStoreIds: boolean }) {
  const calls = usePlaygroundState((state) => state.storeCalls)
  const diffs = usePlaygroundState((state) => state.storeDiffs)
  const exchanges = usePlaygroundState((state) => state.exchanges)
  const groups = useMemo(
    () => groupStoreActivity(calls, diffs, exchanges),
    [calls, diffs, exchanges],
  )
  const shown = groups.slice(-SHOWN_REQUESTS)
  const hidden = groups.length - shown.length
  // Newest last, and kept in view while the learner has not scrolled up to older ones.
  const { ref: list, onScroll: rememberScroll } = useFollowNewest<HTMLOListElement>(groups)

  return (
    <section className="store-activity" aria-labelledby="store-activity-heading">
      <h3 id="store-activity-heading">Store calls by request</h3>
      {groups.length === 0 ? (
        <p className="empty">
          No store calls yet — each request&apos;s get, set, touch and destroy appear here.
        </p>
      ) : (
        <>
          {hidden > 0 && (
            <p className="store-activity__hidden">
              {hidden} older {hidden === 1 ? 'request' : 'requests'} not shown.
            </p>
          )}
          <ol className="store-activity__list" ref={list} onScroll={rememberScroll}>
            {shown.map((group) => (
              <li key={group.key}>
                <div className="store-activity__title">{group.title}</div>
                {group.calls.length === 0 ? (
                  <p className="store-activity__none">No store calls.</p>
                ) : (
                  <ul className="store-activity__calls" aria-label="Store calls">
                    {group.calls.map((call, index) => (
                      <li key={index}>
                        <span
                          className={`store-activity__op store-activity__op--${call.operation}`}
                        >
                          {call.operation}
                        </span>
                        {call.sessionId && (
                          <>
                            {' '}
                            <code title={call.sessionId}>{shortId(call.sessionId)}</code>
                          </>
                        )}
                        {showStoreIds && (
                          <span className="store-activity__store"> (store {call.storeId})</span>
                        )}
                        {call.expired && (
                          <span className="store-activity__expired">
                            {' '}
                            expired — the store dropped it and answered “not found”
                          </span>
                        )}
                        {call.queries && <StoreQueries queries={call.queries} />}
                      </li>
                    ))}
                  </ul>
                )}
                {group.diff &&
                  (hasChanges(group.diff) ? (
                    <ul className="store-activity__diff" aria-label="What changed in the store">
                      {group.diff.added.length > 0 && (
                        <li className="store-activity__added">
                          + added <IdList ids={group.diff.added} />
                        </li>
                      )}
                      {group.diff.changed.length > 0 && (
                        <li className="store-activity__changed">
                          ~ changed <IdList ids={group.diff.changed} />
                        </li>
                      )}
                      {group.diff.removed.length > 0 && (
                        <li className="store-activity__removed">
                          − removed <IdList ids={group.diff.removed} />
                        </li>
                      )}
                    </ul>
                  ) : (
                    <p className="store-activity__none">The stored data did not change.</p>
                  ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
