/**
 * Typed views of a request's realm events: the debug lines express-session and finalhandler
 * print for their silent decisions, and the store traffic the store spy reports.
 */
import type { RealmEvent } from '../realm/realm-types'

export type DebugEvent = Extract<RealmEvent, { kind: 'debug' }>
export type StoreCallEvent = Extract<RealmEvent, { kind: 'store-call' }>
export type StoreResultEvent = Extract<RealmEvent, { kind: 'store-result' }>
export type DeprecationEvent = Extract<RealmEvent, { kind: 'deprecation' }>

/** The `debug` namespace of express-session (index.js: `require('debug')('express-session')`). */
export const SESSION_NAMESPACE = 'express-session'

export function isSessionDebug(event: RealmEvent): event is DebugEvent {
  return event.kind === 'debug' && event.namespace === SESSION_NAMESPACE
}

export function isStoreCall(event: RealmEvent): event is StoreCallEvent {
  return event.kind === 'store-call'
}

export function isStoreResult(event: RealmEvent): event is StoreResultEvent {
  return event.kind === 'store-result'
}

/** The argument of a `debug('fetching %s', id)` style line, when the line has that prefix. */
export function debugArgument(event: DebugEvent, prefix: string): string | undefined {
  return event.message.startsWith(prefix) ? event.message.slice(prefix.length) : undefined
}

/**
 * What finalhandler decided: `default <status>` when it answered an error or a 404 itself,
 * `cannot <status> after headers sent` when the response had already started.
 */
export interface FinalHandlerDecision {
  status: number
  afterHeadersSent: boolean
}

export function finalHandlerDecision(
  events: readonly RealmEvent[],
): FinalHandlerDecision | undefined {
  let decision: FinalHandlerDecision | undefined
  for (const event of events) {
    if (event.kind !== 'debug' || event.namespace !== 'finalhandler') continue
    const answered = /^default (\d{3})$/.exec(event.message)
    if (answered) decision = { status: Number(answered[1]), afterHeadersSent: false }
    const late = /^cannot (\d{3}) after headers sent$/.exec(event.message)
    if (late) decision = { status: Number(late[1]), afterHeadersSent: true }
  }
  return decision
}
