/**
 * express-session's decisions for one request, in the order the middleware takes them
 * (index.js): read the cookie and load the session, see what the route did with it, then
 * `shouldSave` / `shouldTouch` / `shouldDestroy` at `res.end` and `shouldSetCookie` plus the
 * `secure` check when the headers go out.
 */
import { missingTable } from './missing-table'
import type { RequestTrace } from './explanation-types'
import type { SessionFacts, SessionRun } from './session-facts'
import { finding, shortId, type Finding } from './render-explanation'
import type { StoreCallEvent } from './trace-events'
import { describeInsecureRequest } from './insecure-request'

export function explainSession(trace: RequestTrace, facts: SessionFacts): Finding[] {
  const { middleware, run } = facts
  const findings: Finding[] = []
  const pathname = trace.request.url.split(/[?#]/)[0] ?? '/'
  if (run?.kind !== 'path-mismatch') {
    for (const cookiePath of facts.skippedPaths) {
      findings.push(finding('session-path-mismatch', { pathname, cookiePath }))
    }
  }
  for (const failed of facts.writeErrors) {
    findings.push(
      finding('store-write-error', {
        operation: failed.operation,
        sessionId: shortId(failed.sessionId ?? '?'),
        error: failed.error ? `${failed.error.name}: ${failed.error.message}` : 'unknown error',
      }),
      ...missingTable(failed.error?.message),
    )
  }
  if (!run) return findings

  const cookieName = middleware.name
  switch (run.kind) {
    case 'store-disconnected':
      return [...findings, finding('session-store-disconnected')]
    case 'path-mismatch': {
      const cookiePath =
        middleware.cookie === 'function'
          ? 'returned by the cookie function'
          : middleware.cookie.path
      return [...findings, finding('session-path-mismatch', { pathname, cookiePath })]
    }
    case 'new':
      findings.push(finding(NEW_SESSION_CODES[run.reason], { cookieName }))
      break
    case 'fetched': {
      const loading = explainFetch(run, cookieName)
      findings.push(...loading)
      if (run.result === 'error' || run.result === 'pending') return findings
    }
  }

  if (facts.bogusSessionId !== undefined) {
    return [...findings, finding('session-id-not-string', { value: facts.bogusSessionId })]
  }
  // Saving and Set-Cookie happen when the response ends; a failed request never got there.
  if (!trace.outcome.ok) return findings
  const loadedId = run.kind === 'fetched' && run.result === 'found' ? run.sessionId : undefined

  const removal = explainRemoval(trace, facts)
  if (removal) return [...findings, ...removal]
  findings.push(...(loadedId ? explainLoadedSave(facts, loadedId) : explainNewSave(facts)))
  findings.push(...explainCookie(trace, facts, loadedId))
  return findings
}

const NEW_SESSION_CODES = {
  'no-cookie': 'session-new-no-cookie',
  'signature-invalid': 'cookie-signature-invalid',
  unsigned: 'cookie-unsigned',
} as const

function explainFetch(
  run: Extract<SessionRun, { kind: 'fetched' }>,
  cookieName: string,
): Finding[] {
  const findings: Finding[] = []
  if (run.viaCookieParser) findings.push(finding('cookie-read-via-cookie-parser', { cookieName }))
  const sessionId = shortId(run.sessionId)
  switch (run.result) {
    case 'found':
      findings.push(finding('session-loaded', { cookieName, sessionId }))
      break
    case 'expired':
      findings.push(finding('session-expired-in-store', { sessionId }))
      break
    case 'missing':
      findings.push(finding('session-not-in-store', { sessionId }))
      break
    // 'error' is explained with the error response (store-get-error); 'pending' never returned.
  }
  return findings
}

/** regenerate(), destroy(), or `req.session = null` under either `unset` setting. */
function explainRemoval(trace: RequestTrace, facts: SessionFacts): Finding[] | undefined {
  const cookieName = facts.middleware.name
  const destroyed = facts.routeDestroys[0]
  if (destroyed) {
    const oldId = destroyed.sessionId ?? ''
    const newId = idCreatedAfter(trace, facts, destroyed)
    if (newId !== undefined) {
      const regenerated = finding('session-regenerated', {
        oldSessionId: shortId(oldId),
        sessionId: shortId(newId),
      })
      return [regenerated, ...explainCookie(trace, facts, undefined)]
    }
    const findings = [
      facts.cookieCleared
        ? finding('session-destroyed-cookie-cleared', { sessionId: shortId(oldId), cookieName })
        : finding('session-destroyed', { sessionId: shortId(oldId), cookieName }),
    ]
    if (facts.unsetDestroy) {
      findings.push(finding('session-unset-destroyed', { sessionId: shortId(oldId) }))
    }
    return findings
  }
  if (facts.unsetDestroy) {
    return [
      finding('session-unset-destroyed', {
        sessionId: shortId(facts.unsetDestroy.sessionId ?? ''),
      }),
    ]
  }
  if (facts.sessionRemoved) return [finding('session-unset-kept')]
  return undefined
}

/** regenerate(): the destroy is followed by a save, or a cookie, for another id. */
function idCreatedAfter(
  trace: RequestTrace,
  facts: SessionFacts,
  destroyed: StoreCallEvent,
): string | undefined {
  const from = trace.events.indexOf(destroyed)
  const saved = facts.sets.find(
    (call) => trace.events.indexOf(call) > from && call.sessionId !== destroyed.sessionId,
  )
  if (saved?.sessionId) return saved.sessionId
  const sent = facts.responseSessionId
  return sent !== undefined && sent !== destroyed.sessionId ? sent : undefined
}

/** shouldSave for a session that was just generated: `saveUninitialized`, or modified. */
function explainNewSave(facts: SessionFacts): Finding[] {
  const saved = facts.sets[0]?.sessionId
  if (saved !== undefined) {
    const code = facts.middleware.saveUninitialized
      ? 'new-session-saved'
      : 'new-session-saved-modified'
    return [finding(code, { sessionId: shortId(saved) })]
  }
  if (!facts.middleware.saveUninitialized && !facts.responseSessionId && !facts.withheld) {
    return [finding('new-session-discarded')]
  }
  return []
}

/** What `store.touch` renews: the cookie's expiry, or nothing when the cookie has none. */
function touchEffect(facts: SessionFacts): string {
  const { cookie } = facts.middleware
  const hasExpiry = cookie === 'function' || cookie.maxAgeMs !== null || cookie.expires !== null
  return hasExpiry
    ? ', which only renews its expiry in the store'
    : ", which writes no session data: its cookie has no expiry (no `maxAge`), so there is none to renew, and only a store's own lifetime (connect-redis's TTL, say) starts over"
}

/** shouldSave / shouldTouch for a session loaded from the store. */
function explainLoadedSave(facts: SessionFacts, loadedId: string): Finding[] {
  const sessionId = shortId(loadedId)
  if (facts.lastWrite === 'set') {
    return [
      finding(facts.middleware.resave ? 'loaded-session-resaved' : 'loaded-session-saved', {
        sessionId,
      }),
    ]
  }
  if (facts.lastWrite === 'touch') {
    // A save in the route records the saved state, so the end of the request only touches.
    if (facts.sets.length > 0) return [finding('session-saved-by-route', { sessionId })]
    return [finding('loaded-session-touched', { sessionId, touchEffect: touchEffect(facts) })]
  }
  return facts.middleware.resave ? [] : [finding('loaded-session-unchanged', { sessionId })]
}

/**
 * shouldSetCookie: a new id gets a cookie when saved (saveUninitialized or modified); a loaded
 * one only with `rolling`, or when modified and its cookie has an expiry. Then `secure` on an
 * insecure request holds it back.
 */
function explainCookie(
  trace: RequestTrace,
  facts: SessionFacts,
  loadedId: string | undefined,
): Finding[] {
  const { middleware, responseCookie, responseSessionId } = facts
  const cookieName = middleware.name
  if (facts.withheld) {
    return [
      finding('cookie-withheld-insecure', {
        insecureReason: describeInsecureRequest(trace.request, middleware.proxy),
        storeNote: describeStoreNote(facts, loadedId),
      }),
    ]
  }
  if (responseSessionId !== undefined && responseCookie) {
    const lifetime = responseCookie.expires
      ? `a persistent cookie that expires ${responseCookie.expires}`
      : 'a browser-session cookie (no Expires, so the browser drops it when it closes)'
    if (responseSessionId !== loadedId) {
      return [
        finding('session-cookie-set', {
          cookieName,
          sessionId: shortId(responseSessionId),
          lifetime,
        }),
      ]
    }
    if (middleware.rolling) return [finding('cookie-rolled', { cookieName, lifetime })]
    return [
      finding('cookie-resent-modified', {
        cookieName,
        sessionId: shortId(responseSessionId),
        expires: responseCookie.expires ?? 'at the end of the browser session',
      }),
    ]
  }
  // With resave:false a save at the end means "modified"; modified + no cookie = no expiry.
  if (loadedId && !middleware.rolling && !middleware.resave && facts.lastWrite === 'set') {
    return [finding('cookie-not-resent-browser-session', { sessionId: shortId(loadedId) })]
  }
  return []
}

function describeStoreNote(facts: SessionFacts, loadedId: string | undefined): string {
  if (facts.lastWrite === 'touch') return "the session's expiry was still renewed in the store"
  if (facts.sets.length === 0) return 'nothing else changed'
  return loadedId
    ? 'the session was still saved'
    : 'the session was still saved, but no browser will ever send its id back'
}
