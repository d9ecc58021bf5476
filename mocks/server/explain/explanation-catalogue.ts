/**
 * Every explanation the playground can give, with its level and sentence template. The UI
 * documents the codes from this record; `explainRequest` renders sentences only from here, so a
 * sentence can never drift from its documentation. `{name}` placeholders are filled per request.
 *
 * Record order is narrative order (what went wrong with the request, then how express-session
 * read the cookie, what the route did, what was saved, what cookie was sent, then deprecations);
 * explanations are sorted by level first and by this order second.
 */
import type { ExplanationLevel } from './explanation-types'

export interface ExplanationEntry {
  level: ExplanationLevel
  /** One sentence; `{placeholder}` marks a per-request value. */
  template: string
}

const entries = {
  // The request itself failed: what the browser got instead of a response.
  'server-crashed': {
    level: 'error',
    template:
      'The server crashed while handling this request: `{error}` was thrown{location} where Express could not catch it (in a timer, a callback or an event handler), so the process died and the browser got no response; restart the server to go on.',
  },
  'server-exited': {
    level: 'error',
    template:
      'The server process stopped while handling this request ({message}), so the browser got no response.',
  },
  'server-down': {
    level: 'error',
    template:
      'No response: the server crashed earlier and is not running any more, so this request never reached Express; restart the server.',
  },
  'server-not-running': {
    level: 'error',
    template: 'No response: no server is running ({message}).',
  },
  'server-timeout': {
    level: 'error',
    template:
      'No response in time: the request reached the server but nothing ended it (`res.send`, `res.end`, `res.redirect`) or passed it on with `next()`, so express-session never got to its end-of-response save and Set-Cookie.',
  },
  'connection-reset': {
    level: 'error',
    template:
      'The server closed the connection before the response was complete (socket hang up), so the browser got an error instead of a response.',
  },
  'request-failed': {
    level: 'error',
    template: 'The request failed ({errorCode}): {message}.',
  },

  // Errors that Express's final handler turned into an error response.
  'secret-missing': {
    level: 'error',
    template:
      'express-session has no secret (no `secret` option, and no `cookieParser(secret)` before it to provide `req.secret`), so it passed `Error: secret option required for sessions` to Express, whose error handler answered 500.',
  },
  'store-get-error': {
    level: 'error',
    template:
      "The store failed to load session `{sessionId}` ({error}), so express-session passed the error to `next(err)` and Express's error handler answered {status}.",
  },
  'store-table-missing': {
    level: 'error',
    template:
      "Postgres has no table {table}, and connect-pg-simple creates its table only when told to: pass `createTableIfMissing: true` to the store (it then runs the package's `table.sql` on first use), or create the table from that file yourself.",
  },
  'express-error': {
    level: 'error',
    template:
      "An error reached Express's built-in error handler, which answered {status} instead of the route's response: {error}.",
  },
  'error-after-headers-sent': {
    level: 'error',
    template:
      "An error reached Express's error handler after the response had started ({error}), so it could not send a {status} page and closed the connection instead.",
  },
  'store-write-error': {
    level: 'error',
    template:
      "The store's `{operation}` of session `{sessionId}` failed ({error}): that write is lost, although the browser may still have received a normal response.",
  },
  'route-not-found': {
    level: 'warning',
    template:
      'No route matched `{method} {path}`, so the request fell through to Express\'s final handler, which answered 404 "Cannot {method} {path}".',
  },

  // express-session did not run for this request.
  'session-store-disconnected': {
    level: 'warning',
    template:
      'express-session skipped this request because its store emitted `disconnect`: routes see `req.session` as undefined until the store emits `connect` again.',
  },
  'session-path-mismatch': {
    level: 'info',
    template:
      "express-session skipped this request because its path `{pathname}` does not start with the session cookie's path `{cookiePath}`, so `req.session` is undefined here.",
  },
  'session-not-run': {
    level: 'info',
    template:
      'No session middleware ran for `{method} {path}`: whatever answered was registered before `app.use(session(…))`, or the session middleware is mounted on another path, so `req.session` did not exist here.',
  },

  // How express-session read the session cookie (getcookie, then store.get).
  'session-new-no-cookie': {
    level: 'info',
    template:
      'The request carried no `{cookieName}` cookie, so express-session started a new, empty session ("no SID sent").',
  },
  'cookie-signature-invalid': {
    level: 'warning',
    template:
      "The `{cookieName}` cookie's signature matched none of the session secrets (it was altered, or signed with another secret), so express-session ignored it without asking the store and started a new session.",
  },
  'cookie-unsigned': {
    level: 'warning',
    template:
      'The `{cookieName}` cookie does not start with `s:`, so express-session does not take it for a signed session id: it ignored it and started a new session.',
  },
  'cookie-read-via-cookie-parser': {
    level: 'warning',
    template:
      'express-session could not verify the `{cookieName}` cookie with its own secret and fell back, with a deprecation warning, to the id cookie-parser had unsigned with its secret; give both the same secret.',
  },
  'session-expired-in-store': {
    level: 'info',
    template:
      'The signed cookie pointed to session `{sessionId}`, but its copy in the store had expired (its `cookie.expires` had passed), so the store dropped it and express-session started a new session with a new id.',
  },
  'session-not-in-store': {
    level: 'info',
    template:
      'The signed cookie pointed to session `{sessionId}`, but the store has no such session (destroyed, cleared, or lost when the server restarted), so express-session started a new session with a new id; old ids are never reused.',
  },
  'session-loaded': {
    level: 'info',
    template:
      'express-session verified the signed `{cookieName}` cookie and loaded session `{sessionId}` from the store into `req.session`.',
  },
  'session-id-not-string': {
    level: 'warning',
    template:
      '`genid` returned {value}, not a string, so express-session can neither save this session nor send a cookie for it.',
  },

  // What the route did to the session.
  'session-regenerated': {
    level: 'info',
    template:
      'The route called `req.session.regenerate()`: session `{oldSessionId}` was destroyed in the store and replaced by a new session `{sessionId}`, which express-session saves because its id changed.',
  },
  'session-destroyed': {
    level: 'warning',
    template:
      'The route called `req.session.destroy()`: session `{sessionId}` was deleted from the store, but express-session sends no Set-Cookie for a destroyed session, so the browser keeps sending its stale `{cookieName}` cookie (`res.clearCookie` would remove it).',
  },
  'session-destroyed-cookie-cleared': {
    level: 'info',
    template:
      "The route destroyed session `{sessionId}` with `req.session.destroy()` and cleared the `{cookieName}` cookie, so both the store entry and the browser's cookie are gone.",
  },
  'session-unset-destroyed': {
    level: 'info',
    template:
      'The route removed `req.session` and `unset` is `destroy`, so express-session deleted session `{sessionId}` from the store at the end of the response; it sent no Set-Cookie, so the browser keeps a stale cookie.',
  },
  'session-unset-kept': {
    level: 'info',
    template:
      "The route removed `req.session` (set it to null or deleted it) and `unset` is `keep`, so express-session left the store untouched and dropped this request's changes.",
  },

  // Whether the session was written to the store at the end of the response.
  'new-session-saved': {
    level: 'info',
    template:
      '`saveUninitialized` is true, so express-session saved the new session `{sessionId}` in the store even if the route put nothing in it.',
  },
  'new-session-saved-modified': {
    level: 'info',
    template:
      'The new session was saved as `{sessionId}`: with `saveUninitialized` false, that happens only because the route put data in it or saved it explicitly.',
  },
  'new-session-discarded': {
    level: 'info',
    template:
      'The new session was not modified and `saveUninitialized` is false, so express-session threw it away: nothing was stored, no cookie was sent, and the next request starts from scratch again.',
  },
  'loaded-session-saved': {
    level: 'info',
    template:
      'The route changed session `{sessionId}`, so express-session saved it back to the store at the end of the response.',
  },
  'loaded-session-resaved': {
    level: 'info',
    template:
      '`resave` is true, so express-session wrote session `{sessionId}` back to the store at the end of the response whether or not the route changed it.',
  },
  'loaded-session-touched': {
    level: 'info',
    template:
      'Session `{sessionId}` was not changed and `resave` is false, so express-session did not save it again but called `store.touch`, which only renews its expiry in the store.',
  },
  'loaded-session-unchanged': {
    level: 'info',
    template:
      'Session `{sessionId}` was not changed and `resave` is false; this store has no `touch` method, so express-session wrote nothing to it.',
  },
  'session-saved-by-route': {
    level: 'info',
    template:
      'The route saved session `{sessionId}` itself with `req.session.save()`; as nothing changed after that, express-session only touched it at the end instead of saving it twice.',
  },

  // Whether the response carried the session cookie.
  'session-cookie-set': {
    level: 'info',
    template:
      'express-session sent Set-Cookie `{cookieName}` with the signed id of session `{sessionId}` as {lifetime}.',
  },
  'cookie-rolled': {
    level: 'info',
    template:
      '`rolling` is true, so express-session re-sent the `{cookieName}` cookie although the browser already had it, as {lifetime}.',
  },
  'cookie-resent-modified': {
    level: 'info',
    template:
      'Session `{sessionId}` changed and its cookie has an expiry, so express-session re-sent the `{cookieName}` cookie with a fresh one: it now expires {expires}.',
  },
  'cookie-not-resent-browser-session': {
    level: 'info',
    template:
      'No Set-Cookie although session `{sessionId}` changed: its cookie is a browser-session cookie (no Expires), and express-session re-sends such a cookie only when `rolling` is true; the browser keeps the one it has.',
  },
  'cookie-withheld-insecure': {
    level: 'warning',
    template:
      'No Set-Cookie: `cookie.secure` is on and {insecureReason}, so express-session kept the cookie back — {storeNote}.',
  },

  // Deprecation warnings printed during this request.
  'deprecated-resave-default': {
    level: 'warning',
    template:
      '`session()` was called without `resave`: express-session printed a deprecation warning and uses the old default `resave: true`, saving every loaded session on every request.',
  },
  'deprecated-save-uninitialized-default': {
    level: 'warning',
    template:
      '`session()` was called without `saveUninitialized`: express-session printed a deprecation warning and uses the old default `saveUninitialized: true`, storing every new session even when nothing is put in it.',
  },
  'deprecated-req-secret': {
    level: 'warning',
    template:
      '`session()` was called without `secret`: express-session printed a deprecation warning and falls back to `req.secret` from `cookieParser(secret)`, answering 500 to requests where that is missing.',
  },
  'deprecated-max-age-date': {
    level: 'warning',
    template:
      '`cookie.maxAge` was given a Date: express-session printed a deprecation warning and used it as a fixed expiry date; pass a number of milliseconds instead.',
  },
  deprecation: {
    level: 'warning',
    template: '{namespace} printed a deprecation warning: {message}.',
  },
} as const satisfies Record<string, ExplanationEntry>

export type ExplanationCode = keyof typeof entries

/** Every explanation code with its level and sentence template, in narrative order. */
export const EXPLANATION_CATALOGUE: Readonly<Record<ExplanationCode, ExplanationEntry>> = entries

export const EXPLANATION_CODES = Object.keys(entries) as readonly ExplanationCode[]

/** The placeholders a template expects, in order of appearance: `{sessionId}` → `sessionId`. */
export function listPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
}
