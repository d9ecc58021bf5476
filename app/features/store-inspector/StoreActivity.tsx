import { useMemo } from 'react'
import { usePlaygroundState } from '../../state/use-playground-state'
import { useFollowNewest } from '../../layout/use-follow-newest'
import { groupStoreActivity, hasChanges, shortId } from './store-activity'

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
