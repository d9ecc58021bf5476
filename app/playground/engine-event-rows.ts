/** How engine events become rows of the store panel's call list and of the console. */
import type { EngineEvent } from '../../mocks/server/runtime/engine'
import type { ConsoleLine, StoreCall } from '../state/activity-slice'

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
