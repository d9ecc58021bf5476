/** Cookies and exchanges as the simulated browsers report them, for the panels' pure specs. */
import type { Exchange, JarCookie } from '../../mocks/client'

/** A host-only session cookie on session.test, as express-session sets it by default. */
export function jarCookie(name = 'connect.sid', value = 's%3Aabc.sig'): JarCookie {
  return {
    name,
    value,
    domain: 'session.test',
    hostOnly: true,
    path: '/',
    expiresMs: null,
    httpOnly: true,
    secure: false,
    sameSite: undefined,
    size: name.length + value.length,
  }
}

/** Request #1: the login form's POST, answered with a redirect. */
export const loginExchange = {
  requestId: 1,
  method: 'POST',
  url: 'http://session.test/login',
  response: { status: 302, statusMessage: 'Found', headers: [], body: '' },
  error: undefined,
} as unknown as Exchange

/** Alice's GET of `/` as the network log keeps it, with whatever the spec changes. */
export function exchangeOf(change: Partial<Exchange>): Exchange {
  return {
    id: 1,
    requestId: 1,
    profile: 'Alice',
    method: 'GET',
    url: 'http://session.test/',
    requestHeaders: [],
    requestBody: undefined,
    cookiesSent: [],
    cookiesWithheld: [],
    sentAtMs: 0,
    response: { status: 200, statusMessage: 'OK', headers: [], body: '' },
    error: undefined,
    setCookieVerdicts: [],
    explanations: [],
    redirectedFrom: undefined,
    ...change,
  }
}
