import { usePlaygroundStore } from '../../state/store'
import type { EngineEvent } from '../../../mocks/server/runtime/engine'

function describe(event: EngineEvent): string | undefined {
  switch (event.kind) {
    case 'console':
      return event.text
    case 'deprecation':
      return event.text
    case 'store-call':
      return `store.${event.operation}(${event.sessionId ?? ''})`
    case 'load-error':
      return `${event.error.name}: ${event.error.message}${event.error.location ? ` (${event.filename}:${event.error.location.line}:${event.error.location.column})` : ''}`
    case 'server-stop':
      return `Server stopped: ${event.reason}`
    case 'uncaught-error':
      return `Uncaught ${event.error.name}: ${event.error.message}`
    default:
      return undefined
  }
}

export function ServerLog() {
  const events = usePlaygroundStore((state) => state.events)
  const lines = events.flatMap((event, index) => {
    const text = describe(event)
    return text === undefined ? [] : [{ index, kind: event.kind, text }]
  })
  return (
    <section aria-labelledby="log-heading" className="panel">
      <h2 id="log-heading">Server console</h2>
      {lines.length === 0 ? (
        <p className="empty">Nothing logged yet.</p>
      ) : (
        <ol className="log" aria-live="polite">
          {lines.map((line) => (
            <li key={line.index} className={`log-line ${line.kind}`}>
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
