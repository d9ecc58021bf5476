/**
 * Which browser carries which stored session: a session cookie's value is `s:<id>.<signature>`,
 * so reading the id out of every profile's cookie links the store's entries to jars. The
 * signature is checked with the secrets of the middleware that uses the cookie's name, as
 * express-session would (a cookie with a bad signature carries the id but loads nothing).
 */
import { type JarCookie, inspectSessionCookie } from '../../../mocks/client'
import type { SessionMiddlewareInfo } from '../../../mocks/server'

export interface CookieLink {
  profile: string
  cookieName: string
  signatureValid: boolean
}

export interface ProfileCookies {
  profile: string
  cookies: readonly JarCookie[]
}

function secretsFor(name: string, middlewares: readonly SessionMiddlewareInfo[]): string[] {
  const named = middlewares.filter((middleware) => middleware.name === name)
  return (named.length ? named : middlewares).flatMap((middleware) => middleware.secrets)
}

/** Session id → the cookies that carry it, in profile order. */
export function linkCookiesToSessions(
  jars: readonly ProfileCookies[],
  middlewares: readonly SessionMiddlewareInfo[],
): Map<string, CookieLink[]> {
  const names = new Set(middlewares.map((middleware) => middleware.name))
  const links = new Map<string, CookieLink[]>()
  for (const { profile, cookies } of jars) {
    for (const cookie of cookies) {
      if (names.size > 0 && !names.has(cookie.name)) continue
      const parsed = inspectSessionCookie(cookie.value, secretsFor(cookie.name, middlewares))
      if (parsed.kind !== 'signed') continue
      const link = { profile, cookieName: cookie.name, signatureValid: parsed.validWith >= 0 }
      links.set(parsed.id, [...(links.get(parsed.id) ?? []), link])
    }
  }
  return links
}

/** `Alice's cookie`, or with a warning when its signature would not verify. */
export function describeLink(link: CookieLink): string {
  const owner = `${link.profile}'s cookie`
  return link.signatureValid ? owner : `${owner} (signature does not verify)`
}
