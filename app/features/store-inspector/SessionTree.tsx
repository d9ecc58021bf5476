import { describeExpiry, type SessionExpiry, type StoreForgetting } from './session-expiry'
import type { TreeLine } from './session-tree'

/** Pixel height of one tree line; the row's height is computed from it (see SessionList). */
export const TREE_LINE_PX = 20

/** Where express-session keeps the expiry MemoryStore checks. */
const EXPIRES_PATH = 'cookie/expires'

/** A stored session's data as an indented, expandable tree. */
export function SessionTree({
  id,
  lines,
  expiry,
  forgetting,
  maxLines,
  onToggle,
}: {
  id: string
  lines: readonly TreeLine[]
  expiry: SessionExpiry
  forgetting: StoreForgetting
  maxLines: number
  onToggle: (path: string) => void
}) {
  return (
    <ul
      id={id}
      className="session-tree"
      style={{ maxHeight: maxLines * TREE_LINE_PX }}
      aria-label="Session data"
    >
      {lines.map((line) => (
        <li
          key={line.path}
          className="session-tree__line"
          style={{ paddingLeft: `${line.depth * 1.1 + (line.expandable ? 0 : 1.1)}rem` }}
        >
          {line.expandable ? (
            <button
              type="button"
              className="session-tree__toggle"
              aria-expanded={line.expanded}
              onClick={() => onToggle(line.path)}
            >
              <span aria-hidden="true">{line.expanded ? '▾' : '▸'} </span>
              {line.key}
            </button>
          ) : (
            <span className="session-tree__key">{line.key}</span>
          )}
          <span className="session-tree__colon">: </span>
          <span className={`session-tree__value session-tree__value--${line.kind}`}>
            {line.text}
          </span>
          {line.path === EXPIRES_PATH && expiry.kind !== 'never' && (
            <span className={`session-tree__note session-tree__note--${expiry.kind}`}>
              {' '}
              ({describeExpiry(expiry, forgetting)})
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
