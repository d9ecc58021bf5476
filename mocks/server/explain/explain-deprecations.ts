/**
 * Deprecation warnings, as depd reports them: once per message and call site, on the request
 * (or the start-up) that first hits them. express-session's own are explained with what the
 * default it falls back to does (index.js, `session()` and `getcookie`).
 */
import type { RealmEvent } from '../realm/realm-types'
import { finding, type Finding } from './render-explanation'

const SESSION_DEPRECATIONS: Readonly<Record<string, Finding['code']>> = {
  'undefined resave option; provide resave option': 'deprecated-resave-default',
  'undefined saveUninitialized option; provide saveUninitialized option':
    'deprecated-save-uninitialized-default',
  'req.secret; provide secret option': 'deprecated-req-secret',
  'maxAge as Date; pass number of milliseconds instead': 'deprecated-max-age-date',
}

/** getcookie's back-compat path through cookie-parser's `req.signedCookies` / `req.cookies`. */
const COOKIE_FROM_COOKIE_PARSER = 'cookie should be available in req.headers.cookie'

export function explainDeprecations(events: readonly RealmEvent[], cookieName: string): Finding[] {
  const findings: Finding[] = []
  for (const event of events) {
    if (event.kind !== 'deprecation') continue
    const ownCode =
      event.namespace === 'express-session' ? SESSION_DEPRECATIONS[event.message] : undefined
    if (event.namespace === 'express-session' && event.message === COOKIE_FROM_COOKIE_PARSER) {
      // The debug lines tell the same story; both give cookie-read-via-cookie-parser.
      findings.push(finding('cookie-read-via-cookie-parser', { cookieName }))
    } else if (ownCode) {
      findings.push(finding(ownCode))
    } else {
      findings.push(finding('deprecation', { namespace: event.namespace, message: event.message }))
    }
  }
  return findings
}
