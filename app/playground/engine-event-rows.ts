/** How engine events reach the state: rows of the console and store call list, server status. */
import type { EngineEvent } from '../../mocks/server'
import type { ActivityEntry, ConsoleLine, StoreCall } from '../state/activity-slice'
import type { PlaygroundState } from '../state/store'
import { clockReading } from '../state/server-slice'
import type { StoreAccess } from './playground-options'

/** One burst of events into the state: their rows in one update, then what they say of the server. */
export function showEngineEvents(
  store: StoreAccess,
  events: readonly EngineEvent[],
  realNowMs: number,
): void {
  const activity: ActivityEntry[] = []
  for (const event of events) {
    const line = consoleLineFor(event)
    if (line) activity.push({ kind: 'line', line })
    if (event.kind === 'store-call')
      activity.push({ kind: 'store-call', call: storeCallFor(event) })
    if (event.kind === 'store-query')
      activity.push({
        kind: 'store-query',
        requestId: event.requestId,
        query: {
          sql: event.sql,
          params: event.params,
          rowCount: event.rowCount,
          ...(event.error === undefined ? {} : { error: event.error }),
        },
      })
    if (event.kind === 'explanations')
      activity.push({
        kind: 'explanations',
        requestId: event.requestId,
        explanations: event.explanations,
      })
  }
  if (activity.length > 0) store.getState().recordActivity(activity)
  // Each change reads the state anew: the one before it replaced the state object.
  for (const event of events) showServerChange(store.getState(), event, realNowMs)
}

function showServerChange(state: PlaygroundState, event: EngineEvent, realNowMs: number): void {
  switch (event.kind) {
    case 'session-middleware':
      state.updateServer({ middlewares: [...state.server.middlewares, event.info] })
      break
    case 'uncaught-error':
      state.updateServer({ status: 'crashed', crashError: event.error })
      break
    case 'clock':
      state.updateServer(clockReading(state.server, event.time, realNowMs))
      break
  }
}

export function storeCallFor(event: Extract<EngineEvent, { kind: 'store-call' }>): StoreCall {
  return {
    requestId: event.requestId,
    storeId: event.storeId,
    operation: event.operation,
    sessionId: event.sessionId,
    expired: event.expired === true,
  }
}

export function consoleLineFor(event: EngineEvent): Omit<ConsoleLine, 'id'> | undefined {
  const base = {
    time: event.time,
    requestId: 'requestId' in event ? event.requestId : undefined,
    location: undefined,
  }
  switch (event.kind) {
    case 'console':
      return { ...base, kind: event.level, text: event.text }
    case 'deprecation':
      return { ...base, kind: 'deprecation', text: event.text }
    case 'uncaught-error':
      return {
        ...base,
        kind: 'error',
        text: `The server crashed: ${event.error.name}: ${event.error.message}. Restart it to continue.`,
        location: event.error.location,
      }
    case 'load-error':
      return {
        ...base,
        kind: 'error',
        text: `${event.filename} failed to load: ${event.error.name}: ${event.error.message}`,
        location: event.error.location,
      }
    case 'server-stop':
      return event.reason === 'restart'
        ? undefined
        : { ...base, kind: 'system', text: event.reason }
    default:
      return undefined
  }
}
