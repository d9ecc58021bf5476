/**
 * The corpus format: each case is a short browsing session, a list of navigations. Every hop of
 * a navigation names the response the test server gives, so Chromium and the simulated browser
 * get the same bytes. URLs carry no port: Chromium's host resolver maps each scheme's default
 * port to the loopback server.
 */

/** `Expires=` written as an offset from the moment the server answers, so cases never go stale. */
export interface ExpiresAt {
  expiresInSeconds: number
}

/**
 * One Set-Cookie line; `{expires}` in it is replaced by the HTTP date of `expiresInSeconds`, and
 * `{v*4096}` by 4096 `v`s (see `expandLine`).
 */
export interface SetCookieLine {
  line: string
  expiresInSeconds?: number
}

export interface Hop {
  setCookies: SetCookieLine[]
  /** A redirect to the next hop's URL, with this status; absent on the last hop. */
  redirect?: { status: 301 | 302 | 303 | 307; to: string }
}

export interface Navigation {
  /** The page that starts the navigation: `null` for the address bar. */
  from: string | null
  method: 'GET' | 'POST'
  url: string
  hops: Hop[]
}

export interface Case {
  id: string
  /** What the case exercises, for people reading a disagreement. */
  topic: string
  navigations: Navigation[]
}

export interface Corpus {
  seed: number
  cases: Case[]
}

/** What a browser decided in one case: the same shape from Chromium and from the simulation. */
export interface CaseOutcome {
  hops: HopOutcome[]
  /** The jar after the last navigation, sorted. */
  jar: string[]
}

export interface HopOutcome {
  url: string
  /** `name=value` in the order of the Cookie header. */
  sent: string[]
  /** `name (domain path): Reason, Reason`, sorted. */
  withheld: string[]
  /** `Set-Cookie line: Reason, Reason` for every line the browser refused. */
  blocked: string[]
}

/** The Set-Cookie line as sent: `{v*4096}` becomes 4096 `v`s. */
export function expandLine(line: string): string {
  return line.replace(/\{(.)\*(\d+)\}/g, (_, char: string, count: string) =>
    char.repeat(Number(count)),
  )
}
