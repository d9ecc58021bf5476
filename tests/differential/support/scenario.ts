/**
 * The differential scenario format: one server.js and the steps that drive it. The same steps
 * run on plain Node (a child process with the real packages) and through our simulated runtime,
 * and the two transcripts must be the same once true nondeterminism (random ids, real dates,
 * stack paths) is normalized.
 */

/** A request from one simulated browser; its cookie jar adds `Cookie` and stores `Set-Cookie`. */
export interface RequestStep {
  browser: string
  /** Default `GET`. */
  method?: string
  /** Path and query, exactly as sent in the request line. */
  path: string
  /** Extra header lines, in wire order, after `Host` and the jar's `Cookie`. */
  headers?: ReadonlyArray<readonly [string, string]>
  /** A UTF-8 body; the harness adds `Content-Length` on both sides. */
  body?: string
  /** Over TLS (https): the browser then also sends and accepts `Secure` cookies. */
  secure?: boolean
  /**
   * The browser talks https to a TLS-terminating proxy, which forwards plain http with
   * `X-Forwarded-Proto: https`: the jar behaves as on https, the server sees http.
   */
  behindHttpsProxy?: boolean
  /** `false` sends no `Cookie` header from the jar (use `headers` for a raw one). */
  useJar?: boolean
  /** Checked on the Node transcript, so that a scenario proves what it claims to show. */
  expect?: RequestExpectation
}

export interface RequestExpectation {
  status?: number
  /** A substring, or a pattern, of the response body. */
  body?: string | RegExp
  /** How many `Set-Cookie` headers the response carries. */
  setCookies?: number
}

/** Virtual time moves forward on both sides (and for the cookie jars). */
export interface AdvanceStep {
  advance: number
}

/** Edits a browser's cookie jar the way a curious (or malicious) user would. */
export type JarStep =
  | {
      jar: 'tamper-signature' | 'change-id' | 'drop-prefix' | 'delete'
      browser: string
      /** Default: the scenario's `cookieName`. */
      cookie?: string
    }
  | { jar: 'set'; browser: string; cookie?: string; value: string }
  | { jar: 'copy'; from: string; to: string; cookie?: string }

/** Acts on a session store from outside the server, as the playground's store panel does. */
export type StoreStep =
  | { store: 'disconnect' | 'connect' | 'clear'; index?: number }
  | { store: 'delete'; sessionOf: string; index?: number }
  | {
      store: 'write'
      /** The browser whose session cookie names the entry to overwrite. */
      sessionOf: string
      /** The new stored value, computed from the current one (the same on both sides). */
      data: (current: unknown, nowMs: number) => unknown
      index?: number
    }

/** Stops the server and starts the same code again: a fresh process, a fresh MemoryStore. */
export interface RestartStep {
  restart: true
  /** Start different code from now on, as after editing server.js (lesson replays). */
  source?: string
}

export type Step = RequestStep | AdvanceStep | JarStep | StoreStep | RestartStep

export interface Scenario {
  name: string
  /** server.js: an ordinary CommonJS Express program. */
  source: string
  steps: readonly Step[]
  /** Every secret the server signs with, so signatures can be verified and labelled. */
  secrets?: readonly string[]
  /** The `Host` the browsers talk to. Default `localhost:3000`. */
  host?: string
  /** The session cookie's name, for jar edits and store steps. Default `connect.sid`. */
  cookieName?: string
  /** `process.env` of the server besides NODE_ENV=development (which this may override). */
  env?: Readonly<Record<string, string>>
  /** Instances of the server behind a round-robin load balancer, sharing their Redis. */
  instances?: number
  /**
   * A real Redis (`redis://host:port/db`, an empty database of its own) for the Node side's
   * `require('redis')`. Without it the Node side gets a file-backed test double.
   */
  redisUrl?: string
  /** A real PostgreSQL database (an empty one of its own) for the Node side's `require('pg')`. */
  databaseUrl?: string
}

export const DEFAULT_HOST = 'localhost:3000'
export const DEFAULT_COOKIE_NAME = 'connect.sid'
export const DEFAULT_SECRETS = ['keyboard cat'] as const
/** Virtual time at the start of every scenario, on both sides. */
export const START_TIME_MS = Date.UTC(2030, 0, 1)

export function isRequestStep(step: Step): step is RequestStep {
  return 'path' in step
}

export function isAdvanceStep(step: Step): step is AdvanceStep {
  return 'advance' in step
}

export function isJarStep(step: Step): step is JarStep {
  return 'jar' in step
}

export function isStoreStep(step: Step): step is StoreStep {
  return 'store' in step
}

/** One line per step in failure messages: `alice POST /login`, `advance 60000 ms`… */
export function describeStep(step: Step): string {
  if (isRequestStep(step)) {
    const scheme = step.secure ? 'https ' : step.behindHttpsProxy ? 'https via proxy ' : ''
    return `${step.browser} ${scheme}${step.method ?? 'GET'} ${step.path}`
  }
  if (isAdvanceStep(step)) return `advance ${step.advance} ms`
  if (isJarStep(step)) {
    if (step.jar === 'copy')
      return `jar: copy ${step.cookie ?? 'session cookie'} ${step.from} → ${step.to}`
    return `jar: ${step.jar} ${step.cookie ?? 'session cookie'} of ${step.browser}`
  }
  if (isStoreStep(step)) {
    const target = 'sessionOf' in step ? ` session of ${step.sessionOf}` : ''
    return `store ${step.index ?? 0}: ${step.store}${target}`
  }
  return 'restart'
}
