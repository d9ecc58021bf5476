import { afterEach, describe, expect, it } from 'vitest'
import createRealm from '../../../build/realm/realm.js'
import type { SimServer } from '../host/api'
import { Engine, type EngineEvent } from '../host/engine'
import { createHostPlatform } from '../host/host-platform'
import type { RealmEvent } from '../realm/realm-types'
import { VirtualClock } from '../host/virtual-clock'
import { explainServerStart } from './explain-request'
import {
  codesOf,
  explanationOf,
  produced,
  sessionApp,
  SpecBrowser,
  startServer,
  START_TIME,
} from '../../../tests/support/explanation-specs'

let server: SimServer | undefined
afterEach(() => server?.close())

async function browse(source: string) {
  server = await startServer(source)
  return new SpecBrowser(server)
}

/** session() is usually called at start-up; called inside a request, its warnings belong to it. */
function lazySession(options: string): string {
  return `let lazy
app.use((req, res, next) => {
  lazy = lazy || session(${options})
  lazy(req, res, next)
})`
}

describe('deprecation warnings', () => {
  describe('when session() gets neither resave nor saveUninitialized', () => {
    it('explains both deprecated defaults on the request that created the middleware', async () => {
      const browser = await browse(sessionApp('', { install: lazySession(`{ secret: 'k' }`) }))
      const first = await browser.get('/')
      expect(explanationOf(first, 'deprecated-resave-default').sentence).toContain('`resave: true`')
      expect(explanationOf(first, 'deprecated-save-uninitialized-default').level).toBe('warning')
      const second = await browser.get('/')
      expect(codesOf(second)).not.toContain('deprecated-resave-default')
    })

    it('explains neither when both are given', async () => {
      const browser = await browse(
        sessionApp('', {
          install: lazySession(`{ secret: 'k', resave: false, saveUninitialized: false }`),
        }),
      )
      const first = await browser.get('/')
      expect(codesOf(first)).not.toContain('deprecated-resave-default')
      expect(codesOf(first)).not.toContain('deprecated-save-uninitialized-default')
    })
  })

  describe('when session() gets no secret but cookie-parser has one', () => {
    it('explains the deprecated req.secret fallback', async () => {
      const browser = await browse(
        sessionApp('', {
          before: "app.use(cookieParser('k'))",
          install: lazySession(`{ resave: false, saveUninitialized: true }`),
        }),
      )
      const first = await browser.get('/')
      expect(codesOf(first)).toContain('deprecated-req-secret')
      expect(codesOf(first)).toContain('session-cookie-set')
    })
  })

  describe('when cookie.maxAge is a Date', () => {
    it('explains the deprecation when the first session is generated', async () => {
      const browser = await browse(
        sessionApp(
          `{ secret: 'k', resave: false, saveUninitialized: true, cookie: { maxAge: new Date(Date.now() + 60000) } }`,
        ),
      )
      const first = await browser.get('/')
      expect(codesOf(first)).toContain('deprecated-max-age-date')
    })
  })

  describe('when Express itself prints a deprecation', () => {
    it('passes the namespace and message on', async () => {
      const browser = await browse(
        sessionApp(`{ secret: 'k', resave: false, saveUninitialized: false }`),
      )
      const redirected = await browser.get('/bad-redirect')
      expect(explanationOf(redirected, 'deprecation').sentence).toBe(
        'express printed a deprecation warning: Status must be a number.',
      )
    })
  })
})

describe('explainServerStart', () => {
  /** The events of a start, caught by subscribing before the engine loads the server. */
  async function startupEvents(source: string): Promise<RealmEvent[]> {
    const engine = new Engine({
      createRealm,
      platform: createHostPlatform(),
      clock: new VirtualClock({ startMs: START_TIME, flowing: false }),
    })
    const events: EngineEvent[] = []
    engine.subscribe((event) => events.push(event))
    await engine.start(source)
    engine.stop('done')
    return events.filter((event): event is RealmEvent => event.kind === 'deprecation')
  }

  it('explains the deprecations session() printed while the server started', async () => {
    const events = await startupEvents(
      sessionApp(`{ resave: false }`, { before: "app.use(cookieParser('k'))" }),
    )
    expect(produced(explainServerStart(events)).map((explanation) => explanation.code)).toEqual([
      'deprecated-save-uninitialized-default',
      'deprecated-req-secret',
    ])
  })

  it('explains nothing for a fully configured session()', async () => {
    const events = await startupEvents(
      sessionApp(`{ secret: 'k', resave: false, saveUninitialized: false }`),
    )
    expect(explainServerStart(events)).toEqual([])
  })
})
