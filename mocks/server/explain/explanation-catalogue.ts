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
  /**
   * What happened, in a few words a learner understands, to finish "On Alice's last request: …":
   * a lesson check's label when the lesson gives none.
   */
  title: string
  /** One sentence; `{placeholder}` marks a per-request value. */
  template: string
}

const entries = {
  // The request itself failed: what the browser got instead of a response.
  'server-crashed': {
    level: 'error',
    title: 'the server crashed while handling it',
    template:
      'The server crashed while handling this request: `{error}` was thrown{location} where Express could not catch it (in a timer, a callback or an event handler), so the process died and the browser got no response; restart the server to go on.',
  },
  'server-exited': {
    level: 'error',
    title: 'the server process stopped while handling it',
    template:
      'The server process stopped while handling this request ({message}), so the browser got no response.',
  },
  'server-down': {
    level: 'error',
    title: 'it got no response because the server had crashed',
    template:
      'No response: the server crashed earlier and is not running any more, so this request never reached Express; restart the server.',
  },
  'server-not-running': {
    level: 'error',
    title: 'it got no response because no server was running',
    template: 'No response: no server is running ({message}).',
  },
  'server-timeout': {
    level: 'error',
    title: 'nothing ended the response in time',
    template:
      'No response in time: the request reached the server but nothing ended it (`res.send`, `res.end`, `res.redirect`) or passed it on with `next()`, so express-session never got to its end-of-response save and Set-Cookie.',
  },
  'connection-reset': {
    level: 'error',
    title: 'the server closed the connection early',
    template:
      'The server closed the connection before the response was complete (socket hang up), so the browser got an error instead of a response.',
  },
  'request-failed': {
    level: 'error',
    title: 'the request failed',
    template: 'The request failed ({errorCode}): {message}.',
  },

  // Errors that Express's final handler turned into an error response.
  'secret-missing': {
    level: 'error',
    title: 'express-session had no secret and answered 500',
    template:
      'express-session has no secret (no `secret` option, and no `cookieParser(secret)` before it to provide `req.secret`), so it passed `Error: secret option required for sessions` to Express, whose error handler answered 500.',
  },
  'store-get-error': {
    level: 'error',
    title: 'the store failed to load the session',
    template:
      "The store failed to load session `{sessionId}` ({error}), so express-session passed the error to `next(err)` and Express's error handler answered {status}.",
  },
  'store-table-missing': {
    level: 'error',
    title: 'the PostgreSQL session table does not exist',
    template:
      "Postgres has no table {table}, and connect-pg-simple creates its table only when told to: pass `createTableIfMissing: true` to the store (it then runs the package's `table.sql` on first use), or create the table from that file yourself.",
  },
  'express-error': {
    level: 'error',
    title: "Express's error handler answered instead of the route",
    template:
      "An error reached Express's built-in error handler, which answered {status} instead of the route's response: {error}.",
  },
  'error-after-headers-sent': {
    level: 'error',
    title: 'an error came after the response had started',
    template:
      "An error reached Express's error handler after the response had started ({error}), so it could not send a {status} page and closed the connection instead.",
  },
  'store-write-error': {
    level: 'error',
    title: 'the store failed to write the session',
    template:
      "The store's `{operation}` of session `{sessionId}` failed ({error}): that write is lost, although the browser may still have received a normal response.",
  },
  'route-not-found': {
    level: 'warning',
    title: 'no route matched, so Express answered 404',
    template:
      'No route matched `{method} {path}`, so the request fell through to Express\'s final handler, which answered 404 "Cannot {method} {path}".',
  },

  // express-session did not run for this request.
  'session-store-disconnected': {
    level: 'warning',
    title: 'express-session skipped it because the store was disconnected',
    template:
      'express-session skipped this request because its store emitted `disconnect`: routes see `req.session` as undefined until the store emits `connect` again.',
  },
  'session-path-mismatch': {
    level: 'info',
    title: "express-session skipped it because the path is outside the cookie's path",
    template:
      "express-session skipped this request because its path `{pathname}` does not start with the session cookie's path `{cookiePath}`, so `req.session` is undefined here.",
  },
  'session-not-run': {
    level: 'info',
    title: 'no session middleware ran',
    template:
      'No session middleware ran for `{method} {path}`: whatever answered was registered before `app.use(session(…))`, or the session middleware is mounted on another path, so `req.session` did not exist here.',
  },

  // How express-session read the session cookie (getcookie, then store.get).
  'session-new-no-cookie': {
    level: 'info',
    title: 'no session cookie came with it, so a new session started',
    template:
      'The request carried no `{cookieName}` cookie, so express-session started a new, empty session ("no SID sent").',
  },
  'cookie-signature-invalid': {
    level: 'warning',
    title: "the cookie's signature did not verify, so a new session started",
    template:
      "The `{cookieName}` cookie's signature matched none of the session secrets (it was altered, or signed with another secret), so express-session ignored it without asking the store and started a new session.",
  },
  'cookie-unsigned': {
    level: 'warning',
    title: 'the cookie was not signed, so a new session started',
    template:
      'The `{cookieName}` cookie does not start with `s:`, so express-session does not take it for a signed session id: it ignored it and started a new session.',
  },
  'cookie-read-via-cookie-parser': {
    level: 'warning',
    title: "the session id was read through cookie-parser's secret",
    template:
      'express-session could not verify the `{cookieName}` cookie with its own secret and fell back, with a deprecation warning, to the id cookie-parser had unsigned with its secret; give both the same secret.',
  },
  'session-expired-in-store': {
    level: 'info',
    title: "the cookie's session had expired in the store",
    template:
      'The signed cookie pointed to session `{sessionId}`, but its copy in the store had expired (its `cookie.expires` had passed), so the store dropped it and express-session started a new session with a new id.',
  },
  'session-not-in-store': {
    level: 'info',
    title: "the cookie's session was not in the store",
    template:
      'The signed cookie pointed to session `{sessionId}`, but the store has no such session (destroyed, cleared, or lost when the server restarted), so express-session started a new session with a new id; old ids are never reused.',
  },
  'session-loaded': {
    level: 'info',
    title: 'the signed cookie loaded its session from the store',
    template:
      'express-session verified the signed `{cookieName}` cookie and loaded session `{sessionId}` from the store into `req.session`.',
  },
  'session-id-not-string': {
    level: 'warning',
    title: 'genid returned no string id',
    template:
      '`genid` returned {value}, not a string, so express-session can neither save this session nor send a cookie for it.',
  },

  // What the route did to the session.
  'session-regenerated': {
    level: 'info',
    title: 'the route regenerated the session under a new id',
    template:
      'The route called `req.session.regenerate()`: session `{oldSessionId}` was destroyed in the store and replaced by a new session `{sessionId}`, which express-session saves because its id changed.',
  },
  'session-destroyed': {
    level: 'warning',
    title: 'the route destroyed the session',
    template:
      'The route called `req.session.destroy()`: session `{sessionId}` was deleted from the store, but express-session sends no Set-Cookie for a destroyed session, so the browser keeps sending its stale `{cookieName}` cookie (`res.clearCookie` would remove it).',
  },
  'session-destroyed-cookie-cleared': {
    level: 'info',
    title: 'the route destroyed the session and cleared its cookie',
    template:
      "The route destroyed session `{sessionId}` with `req.session.destroy()` and cleared the `{cookieName}` cookie, so both the store entry and the browser's cookie are gone.",
  },
  'session-unset-destroyed': {
    level: 'info',
    title: 'the route removed req.session, and unset: destroy deleted it',
    template:
      'The route removed `req.session` and `unset` is `destroy`, so express-session deleted session `{sessionId}` from the store at the end of the response; it sent no Set-Cookie, so the browser keeps a stale cookie.',
  },
  'session-unset-kept': {
    level: 'info',
    title: 'the route removed req.session, and unset: keep left the store alone',
    template:
      "The route removed `req.session` (set it to null or deleted it) and `unset` is `keep`, so express-session left the store untouched and dropped this request's changes.",
  },

  // Whether the session was written to the store at the end of the response.
  'new-session-saved': {
    level: 'info',
    title: 'saveUninitialized saved the new session',
    template:
      '`saveUninitialized` is true, so express-session saved the new session `{sessionId}` in the store even if the route put nothing in it.',
  },
  'new-session-saved-modified': {
    level: 'info',
    title: 'the new session was saved because the route put data in it',
    template:
      'The new session was saved as `{sessionId}`: with `saveUninitialized` false, that happens only because the route put data in it or saved it explicitly.',
  },
  'new-session-discarded': {
    level: 'info',
    title: 'the new, untouched session was thrown away',
    template:
      'The new session was not modified and `saveUninitialized` is false, so express-session threw it away: nothing was stored, no cookie was sent, and the next request starts from scratch again.',
  },
  'loaded-session-saved': {
    level: 'info',
    title: 'the changed session was saved back to the store',
    template:
      'The route changed session `{sessionId}`, so express-session saved it back to the store at the end of the response.',
  },
  'loaded-session-resaved': {
    level: 'info',
    title: 'resave wrote the session back although nothing changed',
    template:
      '`resave` is true, so express-session wrote session `{sessionId}` back to the store at the end of the response whether or not the route changed it.',
  },
  'loaded-session-touched': {
    level: 'info',
    title: 'the unchanged session was only touched, not saved',
    template:
      'Session `{sessionId}` was not changed and `resave` is false, so express-session did not save it again but called `store.touch`{touchEffect}.',
  },
  'loaded-session-unchanged': {
    level: 'info',
    title: 'the unchanged session was left as it was',
    template:
      'Session `{sessionId}` was not changed and `resave` is false; this store has no `touch` method, so express-session wrote nothing to it.',
  },
  'session-saved-by-route': {
    level: 'info',
    title: 'the route saved the session itself',
    template:
      'The route saved session `{sessionId}` itself with `req.session.save()`; as nothing changed after that, express-session only touched it at the end instead of saving it twice.',
  },

  // Whether the response carried the session cookie.
  'session-cookie-set': {
    level: 'info',
    title: 'express-session sent the session cookie',
    template:
      'express-session sent Set-Cookie `{cookieName}` with the signed id of session `{sessionId}` as {lifetime}.',
  },
  'cookie-rolled': {
    level: 'info',
    title: 'rolling re-sent the session cookie',
    template:
      '`rolling` is true, so express-session re-sent the `{cookieName}` cookie although the browser already had it, as {lifetime}.',
  },
  'cookie-resent-modified': {
    level: 'info',
    title: 'the cookie was sent again with a fresh expiry because the session changed',
    template:
      'Session `{sessionId}` changed and its cookie has an expiry, so express-session re-sent the `{cookieName}` cookie with a fresh one: it now expires {expires}.',
  },
  'cookie-not-resent-browser-session': {
    level: 'info',
    title: 'the changed session got no new cookie, as its cookie has no expiry',
    template:
      'No Set-Cookie although session `{sessionId}` changed: its cookie is a browser-session cookie (no Expires), and express-session re-sends such a cookie only when `rolling` is true; the browser keeps the one it has.',
  },
  'cookie-withheld-insecure': {
    level: 'warning',
    title: 'secure held the cookie back on an insecure request',
    template:
      'No Set-Cookie: `cookie.secure` is on and {insecureReason}, so express-session kept the cookie back — {storeNote}.',
  },

  // Deprecation warnings printed during this request.
  'deprecated-resave-default': {
    level: 'warning',
    title: 'express-session warned that resave was not set',
    template:
      '`session()` was called without `resave`: express-session printed a deprecation warning and uses the old default `resave: true`, saving every loaded session on every request.',
  },
  'deprecated-save-uninitialized-default': {
    level: 'warning',
    title: 'express-session warned that saveUninitialized was not set',
    template:
      '`session()` was called without `saveUninitialized`: express-session printed a deprecation warning and uses the old default `saveUninitialized: true`, storing every new session even when nothing is put in it.',
  },
  'deprecated-req-secret': {
    level: 'warning',
    title: 'express-session warned that it fell back to req.secret',
    template:
      '`session()` was called without `secret`: express-session printed a deprecation warning and falls back to `req.secret` from `cookieParser(secret)`, answering 500 to requests where that is missing.',
  },
  'deprecated-max-age-date': {
    level: 'warning',
    title: 'express-session warned that cookie.maxAge was a Date',
    template:
      '`cookie.maxAge` was given a Date: express-session printed a deprecation warning and used it as a fixed expiry date; pass a number of milliseconds instead.',
  },
  deprecation: {
    level: 'warning',
    title: 'a package printed a deprecation warning',
    template: '{namespace} printed a deprecation warning: {message}.',
  },
} as const satisfies Record<string, ExplanationEntry>

export type ExplanationCode = keyof typeof entries

/** Every explanation code with its level and sentence template, in narrative order. */
export const EXPLANATION_CATALOGUE: Readonly<Record<ExplanationCode, ExplanationEntry>> = entries

export const EXPLANATION_CODES = Object.keys(entries) as readonly ExplanationCode[]

/** Each code's title, for the lesson parser to label checks with (a function: nothing is built
 * in a bundle that never asks). */
export function explanationTitles(): Record<ExplanationCode, string> {
  return Object.fromEntries(
    EXPLANATION_CODES.map((code) => [code, EXPLANATION_CATALOGUE[code].title]),
  ) as Record<ExplanationCode, string>
}

/** The placeholders a template expects, in order of appearance: `{sessionId}` → `sessionId`. */
export function listPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
}
