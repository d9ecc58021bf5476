/**
 * What happened to the request as a whole: no response at all (crash, timeout, no server), or an
 * error response from Express's final handler (finalhandler, which Express 5 calls with every
 * error passed to `next(err)` or thrown by a route, and for requests no route answered).
 */
import type { RealmEvent } from '../realm/realm-types'
import type { RequestTrace } from './explanation-types'
import type { SessionFacts } from './session-facts'
import { finding, shortId, type Finding } from './render-explanation'
import { finalHandlerDecision, isSessionDebug } from './trace-events'
import { missingTable } from './missing-table'

/** express-session's `next(new Error('secret option required for sessions'))`. */
const SECRET_REQUIRED = 'secret option required for sessions'

export function explainFailedRequest(trace: RequestTrace): Finding[] {
  if (trace.outcome.ok) return []
  const { code, message } = trace.outcome.error
  switch (code) {
    case 'SERVER_CRASHED': {
      const uncaught = trace.events.find((event) => event.kind === 'uncaught-error')
      if (!uncaught || uncaught.kind !== 'uncaught-error') return [finding('server-down')]
      const { error } = uncaught
      if (error.name === 'ProcessExit')
        return [finding('server-exited', { message: error.message })]
      const where = error.location
      return [
        finding('server-crashed', {
          error: `${error.name}: ${error.message}`,
          location: where ? ` at ${where.file}:${where.line}:${where.column}` : '',
        }),
      ]
    }
    case 'SERVER_NOT_RUNNING':
      return [finding('server-not-running', { message: withoutFinalStop(message) })]
    case 'SERVER_TIMEOUT':
      return [finding('server-timeout')]
    case 'ECONNRESET':
      return [finding('connection-reset')]
    default:
      return [finding('request-failed', { errorCode: code, message: withoutFinalStop(message) })]
  }
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '')
}

function responseText(trace: RequestTrace): string {
  return trace.outcome.ok ? new TextDecoder().decode(trace.outcome.response.body) : ''
}

/** express-session called `next(err)` before doing anything else: the error page or log says so. */
function isSecretMissing(trace: RequestTrace): boolean {
  if (responseText(trace).includes(SECRET_REQUIRED)) return true
  return trace.events.some(
    (event) =>
      event.kind === 'console' && event.level === 'error' && event.text.includes(SECRET_REQUIRED),
  )
}

export function explainErrorResponse(
  trace: RequestTrace,
  facts: SessionFacts | undefined,
): Finding[] {
  const decision = finalHandlerDecision(trace.events)
  const consoleErrors = trace.events.filter(
    (event): event is Extract<RealmEvent, { kind: 'console' }> =>
      event.kind === 'console' && event.level === 'error',
  )
  const body = responseText(trace)
  if (isSecretMissing(trace)) return [finding('secret-missing')]
  if (!decision) return []
  // Without a response, only an error after the headers (which closes the socket) is certain.
  if (!trace.outcome.ok && !decision.afterHeadersSent) return []
  const status = String(decision.status)
  if (facts?.run?.kind === 'fetched' && facts.run.result === 'error') {
    const { error } = facts.run
    return [
      finding('store-get-error', {
        sessionId: shortId(facts.run.sessionId),
        error: error ? `${error.name}: ${error.message}` : 'unknown error',
        status,
      }),
      ...missingTable(error?.message),
    ]
  }
  const error = describeError(body, consoleErrors)
  if (decision.afterHeadersSent) {
    // A failed end-of-request store write lands here; store-write-error already says so.
    if (facts && facts.writeErrors.length > 0) return []
    return [finding('error-after-headers-sent', { error, status })]
  }
  const { method } = trace.request
  if (decision.status === 404 && body.includes(`Cannot ${method} `)) {
    return [finding('route-not-found', { method, path: trace.request.url.split(/[?#]/)[0] ?? '/' })]
  }
  return [finding('express-error', { status, error })]
}

/**
 * The error as finalhandler showed it: in development its page is `<pre>` + the HTML-escaped
 * stack, lines joined with `<br>`; in production only the status text, so fall back to the
 * console line Express logged (`console.error(err)`) when it arrived in time.
 */
function describeError(
  body: string,
  consoleErrors: ReadonlyArray<Extract<RealmEvent, { kind: 'console' }>>,
): string {
  const page = /<pre>([\s\S]*?)<\/pre>/.exec(body)?.[1]
  const fromPage = page ? unescapeHtml(page.split('<br>')[0] ?? '').trim() : ''
  const fromConsole = (consoleErrors[0]?.text.split('\n')[0] ?? '').replace(/^\[(.*)\]$/, '$1')
  const text = fromPage || fromConsole
  return text ? `\`${text}\`` : 'its message is in the server console'
}

function unescapeHtml(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' }
  return html.replace(/&(#\d+|\w+);/g, (entity, name: string) => {
    if (name.startsWith('#')) return String.fromCharCode(Number(name.slice(1)))
    return entities[name] ?? entity
  })
}

export function explainMissingSession(trace: RequestTrace): Finding[] {
  if (!trace.outcome.ok || trace.middlewares.length === 0) return []
  if (trace.events.some(isSessionDebug) || isSecretMissing(trace)) return []
  const { method } = trace.request
  return [finding('session-not-run', { method, path: trace.request.url.split(/[?#]/)[0] ?? '/' })]
}
