/**
 * What express-session decided for one request, reconstructed from its debug lines, the store
 * traffic and the response. The middleware (index.js) runs in two phases, and so do the facts:
 *
 * - on the way in, one "run" per session middleware: skipped (`store is disconnected`,
 *   `pathname mismatch`), a new session (`no SID sent`, after `cookie signature invalid` or
 *   `cookie unsigned` when a cookie was there but unusable), or `fetching <id>` + `store.get`;
 * - at the end of the response: `store.set` (save), `store.touch`, `store.destroy`, the
 *   `not secured` and `no session` lines, and the Set-Cookie header itself.
 */
import type { ErrorInfo, RealmEvent, SessionMiddlewareInfo } from '../realm/realm-types'
import type { RequestTrace } from './explanation-types'
import {
  isClearingCookie,
  requestCookies,
  setCookiesNamed,
  signedSessionId,
  type SetCookie,
} from './cookie-headers'
import {
  debugArgument,
  isSessionDebug,
  isStoreCall,
  isStoreResult,
  type StoreCallEvent,
  type StoreResultEvent,
} from './trace-events'

export type NewSessionReason = 'no-cookie' | 'signature-invalid' | 'unsigned'
export type FetchResult = 'found' | 'expired' | 'missing' | 'error' | 'pending'

/** How one session middleware started its work on this request. */
export type SessionRun =
  | { kind: 'store-disconnected' }
  | { kind: 'path-mismatch' }
  | { kind: 'new'; reason: NewSessionReason }
  | {
      kind: 'fetched'
      sessionId: string
      /** The header cookie did not verify; the id came from cookie-parser's parsed cookies. */
      viaCookieParser: boolean
      result: FetchResult
      error?: ErrorInfo
      /** Index of the `fetching` line in the trace's events. */
      at: number
    }

export interface SessionFacts {
  middleware: SessionMiddlewareInfo
  /** This middleware's run; undefined when it did not run at all. */
  run: SessionRun | undefined
  /** Cookie paths of the other middlewares that skipped this request for their path. */
  skippedPaths: string[]
  /** Store calls of this middleware's store during the request, in order. */
  sets: StoreCallEvent[]
  touches: StoreCallEvent[]
  /** `store.destroy` calls made by the route (`destroy()`, `regenerate()`). */
  routeDestroys: StoreCallEvent[]
  /** `store.destroy` made by express-session itself because of `unset: 'destroy'`. */
  unsetDestroy: StoreCallEvent | undefined
  /** The last end-of-request write: a save or a touch. */
  lastWrite: 'set' | 'touch' | undefined
  writeErrors: StoreResultEvent[]
  /** `req.session` was gone when the response was sent (`no session`). */
  sessionRemoved: boolean
  /** `not secured`: the cookie was due but `cookie.secure` held it back. */
  withheld: boolean
  /** What a custom `genid` returned when it was not a string. */
  bogusSessionId: string | undefined
  /** The last Set-Cookie for the session cookie's name, if the response had one. */
  responseCookie: SetCookie | undefined
  /** The session id signed into `responseCookie`, unless it is a clearing cookie. */
  responseSessionId: string | undefined
  cookieCleared: boolean
}

/** One run per session middleware that started on this request, in the order they ran. */
export function collectRuns(events: readonly RealmEvent[]): SessionRun[] {
  const runs: SessionRun[] = []
  let unusableCookie: NewSessionReason | undefined
  events.forEach((event, at) => {
    if (!isSessionDebug(event)) return
    const { message } = event
    if (message === 'cookie signature invalid') unusableCookie = 'signature-invalid'
    else if (message === 'cookie unsigned') unusableCookie ??= 'unsigned'
    else if (message === 'store is disconnected') runs.push({ kind: 'store-disconnected' })
    else if (message === 'pathname mismatch') runs.push({ kind: 'path-mismatch' })
    else if (message.startsWith('no SID sent')) {
      runs.push({ kind: 'new', reason: unusableCookie ?? 'no-cookie' })
    } else {
      const sessionId = debugArgument(event, 'fetching ')
      if (sessionId === undefined) return
      runs.push({
        kind: 'fetched',
        sessionId,
        viaCookieParser: unusableCookie !== undefined,
        at,
        ...fetchResult(events, at, sessionId),
      })
    }
    if (message !== 'cookie signature invalid' && message !== 'cookie unsigned') {
      unusableCookie = undefined
    }
  })
  return runs
}

/** The answer to the `store.get` that followed `fetching <id>`. */
function fetchResult(
  events: readonly RealmEvent[],
  from: number,
  sessionId: string,
): { result: FetchResult; error?: ErrorInfo } {
  const call = events
    .slice(from)
    .find(
      (event) => isStoreCall(event) && event.operation === 'get' && event.sessionId === sessionId,
    )
  if (!call || !isStoreCall(call)) return { result: 'pending' }
  const answer = events
    .slice(from)
    .find((event) => isStoreResult(event) && event.callId === call.callId)
  if (!answer || !isStoreResult(answer)) return { result: 'pending' }
  // express-session: `if (err && err.code !== 'ENOENT') next(err)`; ENOENT means "not found".
  if (answer.error && answer.error.code !== 'ENOENT')
    return { result: 'error', error: answer.error }
  if (answer.found) return { result: 'found' }
  return { result: call.expired ? 'expired' : 'missing' }
}

function pathnameOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

function staticCookiePath(middleware: SessionMiddlewareInfo): string | undefined {
  return middleware.cookie === 'function' ? undefined : middleware.cookie.path || '/'
}

/**
 * The middleware this request is about: among those whose cookie path admits the request, the
 * one whose cookie the browser sent, else the one whose cookie the response set, else the one
 * whose store was used, else the first.
 */
function pickMiddleware(
  trace: RequestTrace,
  admitted: readonly SessionMiddlewareInfo[],
): SessionMiddlewareInfo | undefined {
  const sent = requestCookies(trace.request.headers)
  const responseHeaders = trace.outcome.ok ? trace.outcome.response.headers : []
  const usedStores = new Set(trace.events.filter(isStoreCall).map((event) => event.storeId))
  return (
    admitted.find((middleware) => sent.has(middleware.name)) ??
    admitted.find((middleware) => setCookiesNamed(responseHeaders, middleware.name).length > 0) ??
    admitted.find((middleware) => usedStores.has(middleware.storeId)) ??
    admitted[0]
  )
}

export function collectSessionFacts(trace: RequestTrace): SessionFacts | undefined {
  const { events, middlewares } = trace
  if (middlewares.length === 0) return undefined
  const pathname = pathnameOf(trace.request.url)
  const isAdmitted = (middleware: SessionMiddlewareInfo) =>
    pathname.startsWith(staticCookiePath(middleware) ?? '')
  const admitted = middlewares.filter(isAdmitted)
  const middleware = pickMiddleware(trace, admitted.length > 0 ? admitted : middlewares)
  if (!middleware) return undefined

  const runs = collectRuns(events)
  const ownRuns = admitted.length > 0 ? runs.filter((run) => run.kind !== 'path-mismatch') : runs
  // Middlewares run in the order they were created (app.use order), which is their index here.
  const position = Math.max(0, admitted.indexOf(middleware))
  const run = ownRuns[Math.min(position, ownRuns.length - 1)]
  const skippedPaths = runs.some((candidate) => candidate.kind === 'path-mismatch')
    ? middlewares
        .filter((candidate) => !isAdmitted(candidate))
        .map((candidate) => staticCookiePath(candidate) ?? '/')
    : []

  const storeCalls = events.filter(
    (event): event is StoreCallEvent => isStoreCall(event) && event.storeId === middleware.storeId,
  )
  const isUnsetDestroy = (call: StoreCallEvent) => {
    const before = events[events.indexOf(call) - 1]
    return before !== undefined && isSessionDebug(before) && before.message === 'destroying'
  }
  const destroys = storeCalls.filter((call) => call.operation === 'destroy')
  const writes = storeCalls.filter((call) => call.operation === 'set' || call.operation === 'touch')
  const lastWrite = writes.at(-1)?.operation
  const sessionLines = events.filter(isSessionDebug)
  const bogus = sessionLines
    .map((event) => debugArgument(event, 'session ignored because of bogus req.sessionID '))
    .find((value) => value !== undefined)

  const responseCookie = trace.outcome.ok
    ? setCookiesNamed(trace.outcome.response.headers, middleware.name).at(-1)
    : undefined
  const requestTime = events[0]?.time ?? 0
  const cookieCleared =
    responseCookie !== undefined && isClearingCookie(responseCookie, requestTime)

  return {
    middleware,
    run,
    skippedPaths,
    sets: storeCalls.filter((call) => call.operation === 'set'),
    touches: storeCalls.filter((call) => call.operation === 'touch'),
    routeDestroys: destroys.filter((call) => !isUnsetDestroy(call)),
    unsetDestroy: destroys.find(isUnsetDestroy),
    lastWrite: lastWrite === 'set' || lastWrite === 'touch' ? lastWrite : undefined,
    writeErrors: events.filter(
      (event): event is StoreResultEvent =>
        isStoreResult(event) &&
        event.storeId === middleware.storeId &&
        event.error !== undefined &&
        event.operation !== 'get',
    ),
    sessionRemoved: sessionLines.some((event) => event.message === 'no session'),
    withheld: sessionLines.some((event) => event.message === 'not secured'),
    bogusSessionId: bogus,
    responseCookie,
    responseSessionId:
      responseCookie && !cookieCleared ? signedSessionId(responseCookie.value) : undefined,
    cookieCleared,
  }
}
