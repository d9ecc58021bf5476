/**
 * Why a cookie was blocked, in Chromium's words: the reason names DevTools shows (CDP's
 * `Network.SetCookieBlockedReason` and `Network.CookieBlockedReason`), each with the sentence we
 * show a learner after it. These are exactly the reasons the simulated browser can give (the
 * types below are what the jar's decisions carry); docs/cookie-reasons.md has a row with a
 * worked example for each, and a spec fails when one is missing. Chromium 156 names every
 * SameSite exclusion of a navigation with its `Schemeful…` variant, so the plain `SameSiteLax`
 * family never appears here.
 */

/** Why a Set-Cookie line was not stored. */
export const SET_COOKIE_REASONS = {
  SecureOnly:
    'The cookie has the Secure attribute but came over plain http, so the browser refused it.',
  SameSiteNoneInsecure:
    'SameSite=None is only allowed together with Secure, so the browser refused the cookie.',
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
  SchemefulSameSiteStrict:
    'SameSite=Strict: another site started this request (Chrome compares sites with their scheme, so http and https of one site count as two), and a Strict cookie only goes with same-site requests.',
  SchemefulSameSiteLax:
    'SameSite=Lax: another site started this request (http and https of one site count as two), and a Lax cookie then only goes with a top-level navigation that uses a safe method such as GET.',
  SchemefulSameSiteUnspecifiedTreatedAsLax:
    'No SameSite attribute, so the browser treats the cookie as Lax: another site started this request (http and https of one site count as two), and it is not a top-level GET. Chrome’s one exception, a top-level POST during the cookie’s first 2 minutes, is over.',
} as const

export type SetCookieBlockedReason = keyof typeof SET_COOKIE_REASONS
export type CookieBlockedReason = keyof typeof REQUEST_COOKIE_REASONS

/** The learner sentences for the reasons, in order. */
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
