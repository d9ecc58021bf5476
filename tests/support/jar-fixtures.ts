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
