/**
 * The simulated browsers' one door: what the page (app/) uses of Alice's, Bob's and the
 * Attacker's browsers — the browser itself, its tough-cookie jar's verdicts, signed-cookie
 * helpers for the cookie panel, and the two ways a request reaches the server (through the real
 * service worker, or handed over directly).
 */
export {
  DEFAULT_SETTINGS,
  SimulatedBrowser,
  SITE_HOST,
  siteUrl,
  withSiteScheme,
  type BrowserSettings,
  type Exchange,
  type NavigationRequest,
  type PageKind,
  type PageView,
  type SendFunction,
} from './simulated-browser'
export type { CookieVerdict, JarCookie, SameSite, WithheldCookie } from './cookie-jar'
export {
  explainRequestReasons,
  explainSetCookieReasons,
  isFilteredOut,
  REQUEST_COOKIE_REASONS,
  SET_COOKIE_REASONS,
  type CookieBlockedReason,
  type SetCookieBlockedReason,
} from './cookie-reasons'
export {
  decodeCookieValue,
  inspectSessionCookie,
  signCookieValue,
  tamper,
  tamperedValue,
  type SignedValue,
  type TamperAction,
} from './signed-cookie'
export { sendSimRequest, type SimExchange } from './send-sim-request'
export { MAX_RESPONSE_BODY_BYTES, toSimExchange } from '../sim-http'
