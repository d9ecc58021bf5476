/**
 * Chrome's checks on one Set-Cookie line, in the order CanonicalCookie::Create and
 * CookieMonster apply them: the line itself (characters, size, content), the Domain and Path
 * attributes, prefixes, Secure, SameSite=None, and Secure cookies that plain http may not
 * overwrite. Pure: it returns either the cookie to store or the reasons it is refused.
 */
import { isIP } from './ip-address'
import { isPotentiallyTrustworthy } from './trustworthy-origin'
import { Cookie, domainMatch, pathMatch } from 'tough-cookie'
import type { SetCookieBlockedReason } from './cookie-reasons'
import type { JarCookie, SameSite } from './cookie-jar'
import { siteKey } from './same-site-context'
import { getDomain } from './registrable-domain'

/** RFC 6265bis §5.6: name and value together at most 4096, each attribute value at most 1024. */
const MAX_NAME_VALUE = 4096
const MAX_ATTRIBUTE_VALUE = 1024
/** Chrome caps every expiry at 400 days from now (RFC 6265bis §5.5). */
const MAX_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000

/** Chrome refuses a line with any control character, tab included. */
// eslint-disable-next-line no-control-regex
const DISALLOWED = /[\x00-\x1f\x7f]/

export type SetCookieDecision =
  { cookie: Omit<JarCookie, 'createdMs'> } | { reasons: SetCookieBlockedReason[] }

function toSameSite(value: string | undefined): SameSite | undefined {
  switch (value?.toLowerCase()) {
    case 'strict':
      return 'Strict'
    case 'lax':
      return 'Lax'
    case 'none':
      return 'None'
    default:
      return undefined
  }
}

/** The line without attributes whose value is too long: Chrome ignores those attributes. */
function withoutOversizedAttributes(header: string): string {
  const [pair = '', ...attributes] = header.split(';')
  const kept = attributes.filter((attribute) => {
    const equals = attribute.indexOf('=')
    return equals === -1 || attribute.slice(equals + 1).trim().length <= MAX_ATTRIBUTE_VALUE
  })
  return [pair, ...kept].join(';')
}

function hasAttribute(header: string, name: string): boolean {
  return header
    .split(';')
    .slice(1)
    .some((attribute) => attribute.split('=')[0]?.trim().toLowerCase() === name)
}

export function defaultPath(url: URL): string {
  const path = url.pathname
  const lastSlash = path.lastIndexOf('/')
  return lastSlash <= 0 ? '/' : path.slice(0, lastSlash)
}

/** The cookie's domain, or `undefined` when the Domain attribute does not fit the host. */
function cookieDomain(
  domainAttribute: string | null,
  host: string,
): { domain: string; hostOnly: boolean } | undefined {
  if (!domainAttribute) return { domain: host, hostOnly: true }
  const domain = domainAttribute.toLowerCase()
  // A host that is an IP or a public suffix only accepts its own name, as a host-only cookie.
  if (isIP(host) || getDomain(host) === null)
    return domain === host ? { domain: host, hostOnly: true } : undefined
  if (siteKey(domain) !== siteKey(host) || !domainMatch(host, domain)) return undefined
  return { domain, hostOnly: false }
}

function prefixBroken(cookie: Cookie, header: string, secureOrigin: boolean): boolean {
  const name = cookie.key.toLowerCase()
  if (name.startsWith('__secure-')) return !cookie.secure || !secureOrigin
  if (name.startsWith('__host-'))
    return (
      !cookie.secure ||
      !secureOrigin ||
      hasAttribute(header, 'domain') ||
      !hasAttribute(header, 'path') ||
      cookie.path !== '/'
    )
  return false
}

export function rulesForSetCookie(
  rawHeader: string,
  url: URL,
  nowMs: number,
  jar: readonly JarCookie[],
): SetCookieDecision {
  if (DISALLOWED.test(rawHeader)) return { reasons: ['DisallowedCharacter'] }
  const header = withoutOversizedAttributes(rawHeader)
  const parsed = Cookie.parse(header, { loose: true })
  if (!parsed) return { reasons: ['NoCookieContent'] }
  if (parsed.key.length + parsed.value.length > MAX_NAME_VALUE)
    return { reasons: ['NameValuePairExceedsMaxSize'] }
  if (parsed.key === '' && parsed.value === '') return { reasons: ['NoCookieContent'] }

  const host = url.hostname.toLowerCase()
  // Chrome lets http://localhost and loopback addresses set Secure cookies, as https does.
  const secureOrigin = isPotentiallyTrustworthy(url)
  const reasons: SetCookieBlockedReason[] = []
  // Chrome reports a bad Domain and a broken prefix together, and stops there.
  const placed = cookieDomain(parsed.domain, host)
  if (!placed) reasons.push('InvalidDomain')
  if (prefixBroken(parsed, header, secureOrigin)) reasons.push('InvalidPrefix')
  if (!placed || reasons.length) return { reasons }
  if (parsed.secure && !secureOrigin) reasons.push('SecureOnly')
  const sameSite = toSameSite(parsed.sameSite)
  if (sameSite === 'None' && !parsed.secure) reasons.push('SameSiteNoneInsecure')
  const path = parsed.path ?? defaultPath(url)
  // Plain http may not touch a Secure cookie it could shadow, whatever the new line says.
  if (!secureOrigin) {
    const shadowed = jar.some(
      (existing) =>
        existing.secure &&
        existing.name === parsed.key &&
        (domainMatch(existing.domain, placed.domain) ||
          domainMatch(placed.domain, existing.domain)) &&
        pathMatch(path, existing.path),
    )
    if (shadowed) reasons.unshift('OverwriteSecure')
  }
  if (reasons.length) return { reasons }

  let expiresMs: number | null = null
  if (typeof parsed.maxAge === 'number')
    expiresMs = parsed.maxAge <= 0 ? 0 : nowMs + parsed.maxAge * 1000
  else if (parsed.expires instanceof Date) expiresMs = parsed.expires.getTime()
  if (expiresMs !== null) expiresMs = Math.min(expiresMs, nowMs + MAX_LIFETIME_MS)

  return {
    cookie: {
      name: parsed.key,
      value: parsed.value,
      domain: placed.domain,
      hostOnly: placed.hostOnly,
      path,
      expiresMs,
      httpOnly: parsed.httpOnly,
      secure: parsed.secure,
      sameSite,
      size: parsed.key.length + parsed.value.length,
    },
  }
}
