import { host } from './realm-host'
import { currentRequestId } from './request-context'
import type { RealmEvent, RealmEventInput } from './realm-types'

/** The one way realm code reports to the host: stamps virtual time and the current request. */
export function emitEvent(event: RealmEventInput): void {
  const requestId = event.requestId ?? currentRequestId()
  const stamped = { ...event, time: host.now() } as RealmEvent
  if (requestId !== undefined) stamped.requestId = requestId
  else delete stamped.requestId
  host.emit(stamped)
}
