/**
 * Why a cookie was blocked, in Chromium's words: the reason names DevTools shows (CDP's
 * `Network.SetCookieBlockedReason` and `Network.CookieBlockedReason`), each with the sentence we
 * show a learner after it. These are every reason the simulated browser can give; the reasons
 * table in docs/cookie-reasons.md must have a row for each (a spec checks it).
 */

/** Why a Set-Cookie line was not stored. */
export const SET_COOKIE_REASONS = {
  SecureOnly:
    'The cookie has the Secure attribute but came over plain http, so the browser refused it.',
  SameSiteNoneInsecure:
    'SameSite=None is only allowed together with Secure, so the browser refused the cookie.',
  SameSiteStrict:
    'SameSite=Strict: a response to a request from another site may not set this cookie.',
  SameSiteLax: 'SameSite=Lax: a response to a request from another site may not set this cookie.',
  InvalidDomain:
    'The Domain attribute does not cover the site that sent it (or names a public suffix), so the browser refused the cookie.',
  InvalidPrefix:
    'The name starts with __Host- or __Secure-, and the cookie breaks that prefix’s rules (__Secure-: Secure, set over https; __Host-: also Path=/ and no Domain).',
  OverwriteSecure:
    'Plain http may not overwrite a Secure cookie of the same name that the browser already keeps for this site and path.',
  NameValuePairExceedsMaxSize:
    'The name and value together are longer than 4096 characters, so the browser refused the cookie.',
  DisallowedCharacter:
    'The line contains a control character, which a cookie may not hold, so the browser refused it.',
  NoCookieContent: 'The line has neither a name nor a value, so there is nothing to store.',
} as const

/** Why a stored cookie did not go with a request. */
export const REQUEST_COOKIE_REASONS = {
  SecureOnly: 'The cookie is Secure, and this request goes over plain http.',
  NotOnPath: 'The request’s path is outside the cookie’s Path.',
  DomainMismatch: 'The cookie belongs to another host of this site (Domain or host-only).',
  SameSiteStrict: 'SameSite=Strict: not sent with a request that another site started.',
  SameSiteLax:
    'SameSite=Lax: from another site it only goes with top-level navigations that use a safe method (GET).',
  SameSiteUnspecifiedTreatedAsLax:
    'No SameSite attribute, so the browser treats it as Lax: from another site it only goes with top-level GET navigations (and, during its first 2 minutes, with top-level POSTs).',
  SchemefulSameSiteStrict:
    'SameSite=Strict, and http and https of one site count as two sites: the request came from the other scheme.',
  SchemefulSameSiteLax:
    'SameSite=Lax, and http and https of one site count as two sites: the request came from the other scheme and is not a top-level GET.',
  SchemefulSameSiteUnspecifiedTreatedAsLax:
    'No SameSite attribute (so Lax), and http and https of one site count as two sites: the request came from the other scheme and is not a top-level GET.',
} as const

export type SetCookieBlockedReason = keyof typeof SET_COOKIE_REASONS
export type CookieBlockedReason = keyof typeof REQUEST_COOKIE_REASONS

/** The learner sentence for the first reason, and the others' names after it. */
export function explainSetCookieReasons(reasons: readonly SetCookieBlockedReason[]): string {
  return reasons.map((reason) => SET_COOKIE_REASONS[reason]).join(' ')
}

export function explainRequestReasons(reasons: readonly CookieBlockedReason[]): string {
  return reasons.map((reason) => REQUEST_COOKIE_REASONS[reason]).join(' ')
}

/**
 * DevTools hides these behind "show filtered out request cookies": the cookie was never a
 * candidate for this URL (another host or path), as opposed to one the browser held back.
 */
export function isFilteredOut(reasons: readonly CookieBlockedReason[]): boolean {
  return reasons.length > 0 && reasons.every((r) => r === 'NotOnPath' || r === 'DomainMismatch')
}
