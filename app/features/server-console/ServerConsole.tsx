import { usePlayground } from '../../playground/playground-context'
import { memo, useId, useMemo, useState } from 'react'
import type { ConsoleLine as ConsoleLineData } from '../../state/activity-slice'
import { usePlaygroundState } from '../../state/use-playground-state'
import {
  buildTimeline,
  formatClockTime,
  formatLocation,
  sourceLocationOf,
  splitFirstLine,
  type RequestGroup,
} from './console-timeline'
import { ExplanationText } from '../../shared/explanation-text'
import { useFollowNewest } from '../../layout/use-follow-newest'
import './server-console.css'

/**
 * The newest lines and requests shown; older ones are counted. A burst of requests would
 * otherwise have every one of them redrawn for each new one.
 */
const SHOWN_ITEMS = 200

/** What the kind badge says; plain `log` lines carry none. */
const KIND_LABELS: Record<ConsoleLineData['kind'], string | undefined> = {
  log: undefined,
  info: 'info',
  warn: 'warning',
  error: 'error',
  debug: 'debug',
  deprecation: 'deprecated',
  system: 'playground',
}

/** Kinds whose code location is worth a badge. */
const LOCATED_KINDS = new Set<ConsoleLineData['kind']>(['error', 'warn', 'deprecation'])

// Lines never change once printed; a request's block only grows. Both are drawn again only
// when that happened, not for every new line elsewhere in the console.
const ConsoleLine = memo(function ConsoleLine({ line }: { line: ConsoleLineData }) {
  const label = KIND_LABELS[line.kind]
  const location = LOCATED_KINDS.has(line.kind) ? sourceLocationOf(line) : undefined
  const { first, rest } = splitFirstLine(line.text)
  return (
    <div className={`server-console__line server-console__line--${line.kind}`}>
      <time className="server-console__time" dateTime={new Date(line.time).toISOString()}>
        {formatClockTime(line.time)}
      </time>
      {label && <span className="server-console__kind">{label}</span>}
      <span className="server-console__text">{first}</span>
      {location && (
        <span
          className="server-console__location"
          title={`At line ${location.line}, column ${location.column} of ${location.file}`}
        >
          {formatLocation(location)}
        </span>
      )}
      {rest && (
        <details className="server-console__stack">
          <summary>{rest.split('\n').length} more lines</summary>
          <pre>{rest}</pre>
        </details>
      )}
    </div>
  )
})

const RequestBlock = memo(function RequestBlock({
  group,
  onlyWhy,
}: {
  group: RequestGroup
  onlyWhy: boolean
}) {
  return (
    <section className="server-console__request" aria-label={group.title}>
      <h3 className="server-console__request-title">{group.title}</h3>
      {!onlyWhy && group.lines.map((line) => <ConsoleLine key={line.id} line={line} />)}
      {group.explanations.length > 0 && (
        <ul className="server-console__why" aria-label={`Why, for ${group.title}`}>
          {group.explanations.map((explanation, index) => (
            <li
              key={`${explanation.code}-${index}`}
              className={`server-console__reason server-console__reason--${explanation.level}`}
              data-code={explanation.code}
            >
              <ExplanationText sentence={explanation.sentence} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}, sameRequestBlock)

function sameRequestBlock(
  before: { group: RequestGroup; onlyWhy: boolean },
  after: { group: RequestGroup; onlyWhy: boolean },
): boolean {
  const [a, b] = [before.group, after.group]
  return (
    before.onlyWhy === after.onlyWhy &&
    a.title === b.title &&
    a.lines.length === b.lines.length &&
    a.lines.at(-1) === b.lines.at(-1) &&
    a.explanations.length === b.explanations.length &&
    a.explanations.every((explanation, index) => explanation === b.explanations[index])
  )
}

/** The server's console output, and for each request the reasons behind what it did. */
export function ServerConsole() {
  const lines = usePlaygroundState((state) => state.consoleLines)
  const explanations = usePlaygroundState((state) => state.explanations)
  const anchors = usePlaygroundState((state) => state.explanationAnchors)
  const exchanges = usePlaygroundState((state) => state.exchanges)
  const clearActivity = usePlayground().learner.clearActivity
  const [onlyWhy, setOnlyWhy] = useState(false)
  const toggleId = useId()

  const timeline = useMemo(
    () => buildTimeline(lines, explanations, anchors, exchanges),
    [lines, explanations, anchors, exchanges],
  )
  const wanted = onlyWhy
    ? timeline.filter((item) => item.kind === 'request' && item.explanations.length > 0)
    : timeline
  const shown = wanted.slice(-SHOWN_ITEMS)
  const hidden = wanted.length - shown.length
  const { ref: scroller, onScroll: rememberScroll } = useFollowNewest<HTMLDivElement>(shown)

  return (
    <section aria-labelledby="server-console-heading" className="panel server-console">
      <header className="server-console__header">
        <h2 id="server-console-heading">Console</h2>
        <label className="server-console__toggle" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={onlyWhy}
            onChange={(event) => setOnlyWhy(event.target.checked)}
          />{' '}
          Only the why
        </label>
        <button
          type="button"
          onClick={clearActivity}
          title="Clears the console, the network log and the store activity"
        >
          Clear
        </button>
      </header>
      <div
        ref={scroller}
        className="server-console__output"
        role="log"
        aria-live="polite"
        aria-label="Server output and explanations"
        // It scrolls: keyboard users need to reach it to scroll it.
        tabIndex={0}
        onScroll={rememberScroll}
      >
        {shown.length === 0 ? (
          <p className="empty">
            {onlyWhy
              ? 'No explanations yet — send a request and the reasons behind it appear here.'
              : 'The console is empty — what server.js prints, and why each request went as it did, appear here.'}
          </p>
        ) : (
          <>
            {hidden > 0 && (
              <p className="server-console__hidden">
                {hidden.toLocaleString('en')} earlier {hidden === 1 ? 'entry' : 'entries'} not
                shown.
              </p>
            )}
            {shown.map((item) =>
              item.kind === 'line' ? (
                <ConsoleLine key={item.key} line={item.line} />
              ) : (
                <RequestBlock key={item.key} group={item} onlyWhy={onlyWhy} />
              ),
            )}
          </>
        )}
      </div>
    </section>
  )
}
