import {
  SimulatedBrowser,
  type Exchange,
  type JarCookie,
  type SendFunction,
} from '../../mocks/client'
import { PROFILE_NAMES, type ProfileName } from '../shared/profile-names'

export interface ProfileBrowsersOptions {
  send: SendFunction
  now: () => number
  /** Each exchange of any profile, numbered for the network log. */
  onExchange: (profile: ProfileName, exchange: Exchange) => void
}

/**
 * One simulated browser per profile, each with its own jar. Each browser numbers its own
 * exchanges; the log numbers them across profiles, so a redirect's `redirectedFrom` is
 * translated to the log's id of the hop that caused it.
 */
export function createProfileBrowsers({
  send,
  now,
  onExchange,
}: ProfileBrowsersOptions): Record<ProfileName, SimulatedBrowser> {
  let nextExchangeId = 1
  const browsers = {} as Record<ProfileName, SimulatedBrowser>
  for (const profile of PROFILE_NAMES) {
    const logIds = new Map<number, number>()
    browsers[profile] = new SimulatedBrowser(profile, {
      send,
      now,
      onExchange: (exchange) => {
        const id = nextExchangeId++
        logIds.set(exchange.id, id)
        const redirectedFrom =
          exchange.redirectedFrom === undefined ? undefined : logIds.get(exchange.redirectedFrom)
        onExchange(profile, { ...exchange, id, redirectedFrom })
      },
    })
  }
  return browsers
}

/** Quitting a browser ends its session cookies (those without an expiry); returns them. */
export function endSessionCookies(jar: SimulatedBrowser['jar']): JarCookie[] {
  const ended = jar.list().filter((cookie) => cookie.expiresMs === null)
  for (const cookie of ended) jar.remove(cookie)
  return ended
}
