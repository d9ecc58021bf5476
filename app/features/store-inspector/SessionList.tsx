import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { describeLink, type CookieLink } from './session-cookie-links'
import { describeExpiry, sessionExpiry, type StoreForgetting } from './session-expiry'
import { flattenSessionTree, previewSessionData, type TreeLine } from './session-tree'
import { SessionTree, TREE_LINE_PX } from './SessionTree'

/** A collapsed row: two 20px lines and padding. Every row's height is known before it renders. */
export const SESSION_ROW_PX = 56
/** An expanded tree taller than this scrolls inside its row. */
const MAX_TREE_LINES = 24
const TREE_PADDING_PX = 8
const OVERSCAN_ROWS = 6

export interface StoredSession {
  id: string
  data: unknown
}

const NO_TOGGLES: ReadonlySet<string> = new Set()

function linesOf(session: StoredSession, toggled: ReadonlySet<string> | undefined): TreeLine[] {
  return flattenSessionTree(session.data, { toggled: toggled ?? NO_TOGGLES })
}

/**
 * One store's sessions, virtualized: only the rows in view (plus a few) are in the DOM, so a
 * store of 10 000 sessions scrolls as lightly as one of ten.
 */
export function SessionList({
  storeId,
  keyPrefix,
  forgetting,
  fields,
  sessions,
  links,
  nowMs,
}: {
  storeId: number
  /** Put before each id in the backend's keys (connect-redis: `sess:`): shown, dimmed. */
  keyPrefix?: string | undefined
  /** How the store forgets expired sessions: the rows say what an expired one waits for. */
  forgetting: StoreForgetting
  /** What the backend keeps beside each session (Postgres's `expire`, MongoDB's `expires`). */
  fields?: ReadonlyMap<string, Readonly<Record<string, string>>> | undefined
  sessions: readonly StoredSession[]
  links: ReadonlyMap<string, CookieLink[]>
  nowMs: number
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const [toggledPaths, setToggledPaths] = useState<ReadonlyMap<string, ReadonlySet<string>>>(
    () => new Map(),
  )

  // Tree lines only for the (few) expanded sessions that are still listed.
  const trees = useMemo(() => {
    const lines = new Map<string, TreeLine[]>()
    for (const session of sessions)
      if (expanded.has(session.id))
        lines.set(session.id, linesOf(session, toggledPaths.get(session.id)))
    return lines
  }, [sessions, expanded, toggledPaths])

  const sizeOf = useCallback(
    (index: number) => {
      const id = sessions[index]?.id
      const lines = id === undefined ? undefined : trees.get(id)
      if (!lines) return SESSION_ROW_PX
      return (
        SESSION_ROW_PX + Math.min(lines.length, MAX_TREE_LINES) * TREE_LINE_PX + TREE_PADDING_PX
      )
    },
    [sessions, trees],
  )

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design; this component is not memoized by the compiler
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: sizeOf,
    getItemKey: (index) => sessions[index]?.id ?? index,
    overscan: OVERSCAN_ROWS,
  })

  // Heights are computed, not measured: recompute the layout whenever one changes.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, sizeOf])

  const toggleSession = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })

  const togglePath = (id: string, path: string) =>
    setToggledPaths((current) => {
      const paths = new Set(current.get(id))
      if (!paths.delete(path)) paths.add(path)
      return new Map(current).set(id, paths)
    })

  return (
    <div
      ref={scroller}
      className="store-inspector__scroller"
      role="list"
      aria-label={`Sessions in store ${storeId}`}
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const session = sessions[item.index]
          if (!session) return null
          const expiry = sessionExpiry(session.data, nowMs)
          const carriers = links.get(session.id) ?? []
          const lines = trees.get(session.id)
          const treeId = `session-tree-${storeId}-${session.id}`
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={sessions.length}
              aria-posinset={item.index + 1}
              className={`session-row${expiry.kind === 'expired' ? ' is-expired' : ''}`}
              data-session-id={session.id}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <div className="session-row__line">
                <button
                  type="button"
                  className="session-row__toggle"
                  aria-expanded={lines !== undefined}
                  aria-controls={lines ? treeId : undefined}
                  onClick={() => toggleSession(session.id)}
                >
                  <span aria-hidden="true">{lines ? '▾' : '▸'} </span>
                  <code className="session-row__id">
                    {keyPrefix && (
                      <span className="session-row__key-prefix" title="The key in the store">
                        {keyPrefix}
                      </span>
                    )}
                    {session.id}
                  </code>
                </button>
                <span className={`session-row__expiry session-row__expiry--${expiry.kind}`}>
                  {describeExpiry(expiry, forgetting)}
                </span>
              </div>
              <div className="session-row__line">
                {Object.entries(fields?.get(session.id) ?? {}).map(([name, value]) => (
                  <code
                    key={name}
                    className="session-row__field"
                    title={`The ${name} the store keeps beside the session`}
                  >
                    {name} {value}
                  </code>
                ))}
                {carriers.map((link) => (
                  <span
                    key={`${link.profile}:${link.cookieName}`}
                    className={`session-row__carrier${link.signatureValid ? '' : ' is-invalid'}`}
                    data-profile={link.profile}
                    title={`${link.profile}'s browser holds a ${link.cookieName} cookie with this session id`}
                  >
                    {describeLink(link)}
                  </span>
                ))}
                {carriers.length === 0 && (
                  <span className="session-row__orphan">no browser holds its cookie</span>
                )}
                <span className="session-row__preview">{previewSessionData(session.data)}</span>
              </div>
              {lines && (
                <SessionTree
                  id={treeId}
                  lines={lines}
                  expiry={expiry}
                  forgetting={forgetting}
                  maxLines={MAX_TREE_LINES}
                  onToggle={(path) => togglePath(session.id, path)}
                />
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
