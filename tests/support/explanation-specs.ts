/**
 * Test-owned helpers for the explanation specs: small Express servers run through the public
 * Node API (`createSimServer`), and a minimal browser that keeps the cookies it is sent. Only
 * the specs import this file.
 */
import {
  createSimServer,
  type SimRequestInput,
  type SimRequestResult,
  type SimServer,
} from '../../mocks/server/host/api'
import type { Explanation } from '../../mocks/server/explain/explanation-types'

/**
 * `npm run explanations:check` installs this hook to learn which codes the specs' requests
 * really produced; in an ordinary test run nobody listens. A global keeps this file free of
 * Node APIs (it is part of the DOM- and Node-free core's type check).
 */
interface ProducedCodesHook {
  recordProducedExplanations?: (codes: readonly string[]) => void
}

/** Reports `explanations` as produced by a spec and returns them unchanged. */
export function produced<T extends readonly Explanation[]>(explanations: T): T {
  ;(globalThis as ProducedCodesHook).recordProducedExplanations?.(
    explanations.map((explanation) => explanation.code),
  )
  return explanations
}

/** 2030-01-01T00:00:00Z: far from any real clock, so expiry only moves by advanceClock. */
export const START_TIME = Date.UTC(2030, 0, 1)

/** Routes every spec server has, after `app.use(session(…))`. */
const ROUTES = `
app.get('/', (req, res) => { res.send('home') })
app.get('/count', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.get('/save-in-route', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  req.session.save(() => res.send('saved'))
})
app.get('/regenerate', (req, res) => {
  req.session.regenerate(() => { req.session.user = 'ada'; res.send('welcome') })
})
app.get('/destroy', (req, res) => { req.session.destroy(() => res.send('bye')) })
app.get('/logout', (req, res) => {
  req.session.destroy(() => { res.clearCookie(SESSION_NAME); res.send('bye') })
})
app.get('/unset', (req, res) => { req.session = null; res.send('unset') })
app.get('/throw', (req, res) => { throw new TypeError('the route broke') })
app.get('/crash', (req, res) => { setTimeout(() => { throw new RangeError('timer broke') }, 1) })
app.get('/exit', (req, res) => { process.exit(3) })
app.get('/hang', (req, res) => {})
app.get('/late-error', (req, res, next) => { res.write('partial'); next(new Error('too late')) })
app.get('/bad-redirect', (req, res) => { res.redirect('301', '/') })
module.exports = app
`

export interface AppParts {
  /** Lines before `app.use(session(…))` (cookie-parser, trust proxy, custom stores…). */
  before?: string
  /** How the session middleware is installed; default `app.use(session(OPTIONS))`. */
  install?: string
  /** Extra routes after the session middleware, before the shared ones. */
  routes?: string
}

/** A server.js with one session middleware created from `options` (a JS object literal). */
export function sessionApp(options: string, parts: AppParts = {}): string {
  const nameMatch = /name:\s*'([^']+)'/.exec(options)
  return [
    "const express = require('express')",
    "const session = require('express-session')",
    "const cookieParser = require('cookie-parser')",
    'const app = express()',
    `const SESSION_NAME = '${nameMatch?.[1] ?? 'connect.sid'}'`,
    parts.before ?? '',
    parts.install ?? `app.use(session(${options}))`,
    parts.routes ?? '',
    ROUTES,
  ].join('\n')
}

export async function startServer(source: string, requestTimeoutMs = 1000): Promise<SimServer> {
  const server = await createSimServer({ source, startTime: START_TIME, requestTimeoutMs })
  if (server.state !== 'running') {
    throw new Error(`spec server did not start: ${server.loadError?.message ?? server.state}`)
  }
  return server
}

/** A browser reduced to what sessions need: it stores each cookie it is sent and sends it back. */
export class SpecBrowser {
  readonly cookies = new Map<string, string>()
  constructor(private readonly server: SimServer) {}

  async get(path: string, input: Omit<SimRequestInput, 'path'> = {}): Promise<SimRequestResult> {
    const cookieHeader = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const headers: Array<readonly [string, string]> = [...(input.headers ?? [])]
    if (cookieHeader) headers.push(['Cookie', cookieHeader])
    const result = await this.server.request({ ...input, path, headers })
    produced(result.explanations)
    if (result.ok) {
      for (const line of result.setCookies) {
        const [pair = ''] = line.split(';')
        const equals = pair.indexOf('=')
        const name = pair.slice(0, equals)
        const value = pair.slice(equals + 1)
        if (value === '' || /Expires=Thu, 01 Jan 1970/.test(line)) this.cookies.delete(name)
        else this.cookies.set(name, value)
      }
    }
    return result
  }
}

export function codesOf(result: SimRequestResult): string[] {
  return result.explanations.map((explanation) => explanation.code)
}

/** The explanation with this code; fails the spec, listing what was there, when it is missing. */
export function explanationOf(result: SimRequestResult, code: string): Explanation {
  const found = result.explanations.find((explanation) => explanation.code === code)
  if (!found) {
    throw new Error(`no explanation ${code}; got ${JSON.stringify(codesOf(result))}`)
  }
  return found
}

/** The session id signed into a `connect.sid=s%3A<id>.<sig>` Set-Cookie line. */
export function sessionIdIn(setCookie: string | undefined): string {
  const value = decodeURIComponent(/^[^=]+=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '')
  const id = /^s:(.+)\.[^.]+$/.exec(value)?.[1]
  if (!id) throw new Error(`no signed session id in ${String(setCookie)}`)
  return id
}
