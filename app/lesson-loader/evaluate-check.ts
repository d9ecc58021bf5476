/**
 * Evaluates a lesson check against what the playground shows: jars, store, network log,
 * explanations, pages and console. Pure: the player feeds it live state, lint-replay feeds it
 * the state after each step of the reference walkthrough.
 */
import {
  type JarCookie,
  type Exchange,
  type PageView,
  inspectSessionCookie,
} from '../../mocks/client'
import type { StoreView, Explanation } from '../../mocks/server'
import type { LessonCheck, ProfileName } from './lesson-schema'
import { explanationCheckLabel, requestNamed } from './check-labels'

export interface LessonObservation {
  cookies: Record<ProfileName, JarCookie[]>
  stores: StoreView[]
  exchanges: Exchange[]
  explanations: Record<number, Explanation[]>
  /** The page each profile's most recently used tab shows. */
  pages: Record<ProfileName, PageView | undefined>
  consoleTexts: string[]
  /** The session cookie's name and the secrets that sign it (from the server's session()). */
  sessionCookieName: string
  secrets: string[]
}

export interface CheckResult {
  passed: boolean
  label: string
  /** Why it fails, in terms of what the learner can see. */
  detail: string | undefined
}

function valueAtPath(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data)
}

/** The session id carried by a profile's session cookie, if it has a readable one. */
export function sessionIdOf(
  observation: LessonObservation,
  profile: ProfileName,
): string | undefined {
  const cookie = observation.cookies[profile].find(
    (candidate) => candidate.name === observation.sessionCookieName,
  )
  if (!cookie) return undefined
  const parsed = inspectSessionCookie(cookie.value, observation.secrets)
  return parsed.kind === 'signed' ? parsed.id : parsed.raw
}

/**
 * Checks are evaluated on every change the panels see; the sessions are listed again only
 * when the stores changed (a store of 10 000 is not walked for each console line).
 */
const sessionsOf = new WeakMap<LessonObservation['stores'], unknown[]>()
function storedSessions(observation: LessonObservation): unknown[] {
  let sessions = sessionsOf.get(observation.stores)
  if (!sessions) {
    sessions = observation.stores.flatMap((store) => [...(store.entries?.values() ?? [])])
    sessionsOf.set(observation.stores, sessions)
  }
  return sessions
}

function lastExchange(
  observation: LessonObservation,
  profile?: ProfileName,
  path?: string,
): Exchange | undefined {
  return observation.exchanges.findLast(
    (exchange) =>
      (!profile || exchange.profile === profile) &&
      (!path || requestPath(exchange.url, path) === path),
  )
}

/** The exchange's path, with its query when the check's path has one. */
function requestPath(url: string, wanted: string): string {
  const { pathname, search } = new URL(url)
  return wanted.includes('?') ? `${pathname}${search}` : pathname
}

function headerValue(exchange: Exchange, name: string): string | undefined {
  return exchange.response?.headers.find(
    ([candidate]) => candidate.toLowerCase() === name.toLowerCase(),
  )?.[1]
}

function result(passed: boolean, label: string, detail: string): CheckResult {
  return { passed, label, detail: passed ? undefined : detail }
}

/** "a persistent, HttpOnly connect.sid cookie with SameSite=Lax": the attributes a check asks for. */
function describeCookie(check: Extract<LessonCheck, { jar: unknown }>['jar']): string {
  const kinds = [
    check.persistent === undefined
      ? undefined
      : check.persistent
        ? 'persistent'
        : 'browser-session',
    check.httpOnly === undefined ? undefined : check.httpOnly ? 'HttpOnly' : 'script-readable',
    check.secure === undefined ? undefined : check.secure ? 'Secure' : 'non-Secure',
  ].filter((kind) => kind !== undefined)
  const sameSite = check.sameSite === undefined ? '' : ` with SameSite=${check.sameSite}`
  const adjectives = kinds.length ? `${kinds.join(', ')} ` : ''
  // "an HttpOnly": the H is said "aitch".
  const article = /^(?:[aeiou]|HttpOnly)/i.test(adjectives || check.cookie) ? 'an' : 'a'
  return `${article} ${adjectives}${check.cookie} cookie${sameSite}`
}

function evaluateJar(
  check: Extract<LessonCheck, { jar: unknown }>['jar'],
  observation: LessonObservation,
): CheckResult {
  const cookie = observation.cookies[check.profile].find(
    (candidate) => candidate.name === check.cookie,
  )
  const label = check.present
    ? `${check.profile}'s browser has ${describeCookie(check)}`
    : `${check.profile}'s browser has no ${check.cookie} cookie`
  if (!check.present)
    return result(!cookie, label, `${check.profile}'s jar still holds ${check.cookie}.`)
  if (!cookie)
    return result(false, label, `${check.profile}'s jar has no ${check.cookie} cookie yet.`)
  const wrong: string[] = []
  if (check.httpOnly !== undefined && cookie.httpOnly !== check.httpOnly)
    wrong.push(check.httpOnly ? 'it is not HttpOnly' : 'it is HttpOnly')
  if (check.secure !== undefined && cookie.secure !== check.secure)
    wrong.push(check.secure ? 'it is not Secure' : 'it is Secure')
  if (check.sameSite !== undefined && (cookie.sameSite ?? 'unset') !== check.sameSite)
    wrong.push(`its SameSite is ${cookie.sameSite ?? 'unset'}`)
  if (check.persistent !== undefined && (cookie.expiresMs !== null) !== check.persistent) {
    wrong.push(check.persistent ? 'it is a session cookie (no expiry)' : 'it has an expiry date')
  }
  return result(wrong.length === 0, label, `The cookie is there, but ${wrong.join(' and ')}.`)
}

function evaluateStore(
  check: Extract<LessonCheck, { store: unknown }>['store'],
  observation: LessonObservation,
): CheckResult {
  const sessions = storedSessions(observation)
  const parts: string[] = []
  const failures: string[] = []
  if (check.sessions !== undefined) {
    parts.push(`holds ${check.sessions} session${check.sessions === 1 ? '' : 's'}`)
    if (sessions.length !== check.sessions) failures.push(`it holds ${sessions.length}`)
  }
  if (check.atLeast !== undefined) {
    parts.push(`holds at least ${check.atLeast} session${check.atLeast === 1 ? '' : 's'}`)
    if (sessions.length < check.atLeast) failures.push(`it holds ${sessions.length}`)
  }
  if (check.withData) {
    const { path, equals } = check.withData
    const wanted =
      equals === undefined
        ? `a session with ${path}`
        : `a session with ${path} = ${JSON.stringify(equals)}`
    parts.push(`has ${wanted}`)
    const found = sessions.some((session) => {
      const value = valueAtPath(session, path)
      return equals === undefined
        ? value !== undefined
        : JSON.stringify(value) === JSON.stringify(equals)
    })
    if (!found)
      failures.push(
        `no stored session has ${equals === undefined ? path : `${path} = ${JSON.stringify(equals)}`}`,
      )
  }
  if (check.withoutData) {
    parts.push(`has no session with ${check.withoutData}`)
    if (
      sessions.some((session) => valueAtPath(session, check.withoutData as string) !== undefined)
    ) {
      failures.push(`a stored session still has ${check.withoutData}`)
    }
  }
  return result(
    failures.length === 0,
    `The session store ${parts.join(' and ')}`,
    `Right now ${failures.join(' and ')}.`,
  )
}

function evaluateResponse(
  check: Extract<LessonCheck, { response: unknown }>['response'],
  observation: LessonObservation,
): CheckResult {
  const exchange = lastExchange(observation, check.profile, check.path)
  const whose = `${check.profile ? `${check.profile}'s` : 'The'} last response${check.path ? ` to ${check.path}` : ''}`
  const expectations: string[] = []
  if (check.status !== undefined) expectations.push(`has status ${check.status}`)
  if (check.setCookie)
    expectations.push(
      check.setCookie === 'present'
        ? `sets ${observation.sessionCookieName}`
        : `sets no ${observation.sessionCookieName}`,
    )
  if (check.header)
    expectations.push(
      `has a ${check.header.name} header${check.header.includes ? ` containing "${check.header.includes}"` : ''}${check.header.equals ? ` equal to "${check.header.equals}"` : ''}`,
    )
  if (check.bodyIncludes) expectations.push(`contains "${check.bodyIncludes}"`)
  const label = `${whose} ${expectations.join(' and ')}`
  if (!exchange?.response)
    return result(
      false,
      label,
      exchange
        ? `That request failed: ${exchange.error?.message ?? 'no response'}.`
        : 'There is no such response yet.',
    )
  const { response } = exchange
  const failures: string[] = []
  if (check.status !== undefined && response.status !== check.status)
    failures.push(`its status is ${response.status}`)
  if (check.setCookie) {
    const sets = response.headers.some(
      ([name, value]) =>
        name.toLowerCase() === 'set-cookie' &&
        value.startsWith(`${observation.sessionCookieName}=`),
    )
    if (sets !== (check.setCookie === 'present'))
      failures.push(sets ? 'it does set the session cookie' : 'it sets no session cookie')
  }
  if (check.header) {
    const value = headerValue(exchange, check.header.name)
    const { equals, includes, present } = check.header
    if (present === false ? value !== undefined : value === undefined)
      failures.push(
        value === undefined
          ? `it has no ${check.header.name} header`
          : `it has a ${check.header.name} header`,
      )
    else if (equals !== undefined && value !== equals)
      failures.push(`its ${check.header.name} is "${value}"`)
    else if (includes !== undefined && !value?.includes(includes))
      failures.push(`its ${check.header.name} is "${value}"`)
  }
  if (check.bodyIncludes && !response.body.includes(check.bodyIncludes))
    failures.push(`its body does not contain "${check.bodyIncludes}"`)
  return result(
    failures.length === 0,
    label,
    `${failures.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()),
  )
}

function evaluateExplanation(
  check: Extract<LessonCheck, { explanation: unknown }>['explanation'],
  observation: LessonObservation,
): CheckResult {
  const exchange = lastExchange(observation, check.profile, check.path)
  const explanations =
    exchange?.requestId === undefined
      ? []
      : (observation.explanations[exchange.requestId] ?? exchange.explanations)
  const found = explanations.some((explanation) => explanation.code === check.code)
  return result(
    found === check.present,
    explanationCheckLabel(check, check.code),
    exchange ? whyOf(requestNamed(check), explanations) : 'There is no request yet.',
  )
}

/** What the console's "why" said for the request, so a failing check shows the actual reason. */
function whyOf(request: string, explanations: readonly Explanation[]): string {
  if (explanations.length === 0) return `The "why" for ${request} says nothing.`
  return `The "why" for ${request} says: ${explanations.map((explanation) => explanation.sentence).join(' ')}`
}

function evaluateSessionId(
  check: Extract<LessonCheck, { sessionId: unknown }>['sessionId'],
  observation: LessonObservation,
  baseline: LessonObservation | undefined,
): CheckResult {
  const before = baseline ? sessionIdOf(baseline, check.profile) : undefined
  const now = sessionIdOf(observation, check.profile)
  const label = check.changed
    ? `The session id in ${check.profile}'s cookie changed`
    : `The session id in ${check.profile}'s cookie stayed the same`
  if (now === undefined) return result(false, label, `${check.profile} has no session cookie.`)
  const changed = before !== now
  return result(
    changed === check.changed,
    label,
    changed ? 'It is a different id now.' : 'It is still the same id.',
  )
}

export function evaluateCheck(
  check: LessonCheck,
  observation: LessonObservation,
  baseline?: LessonObservation,
): CheckResult {
  const evaluated = ((): CheckResult => {
    if ('jar' in check) return evaluateJar(check.jar, observation)
    if ('store' in check) return evaluateStore(check.store, observation)
    if ('response' in check) return evaluateResponse(check.response, observation)
    if ('explanation' in check) return evaluateExplanation(check.explanation, observation)
    if ('sessionId' in check) return evaluateSessionId(check.sessionId, observation, baseline)
    if ('console' in check) {
      const passed = observation.consoleTexts.some((text) => text.includes(check.console.includes))
      return result(
        passed,
        `The server console shows "${check.console.includes}"`,
        'No console line says that yet.',
      )
    }
    const page = observation.pages[check.page.profile]
    const passed = page?.body.includes(check.page.includes) ?? false
    return result(
      passed,
      `${check.page.profile}'s page shows "${check.page.includes}"`,
      page ? 'The page says something else.' : `${check.page.profile} has not opened a page yet.`,
    )
  })()
  return check.label ? { ...evaluated, label: check.label } : evaluated
}
