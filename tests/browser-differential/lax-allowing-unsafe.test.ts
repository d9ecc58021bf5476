/**
 * The one rule of the corpus that needs time to pass: Chrome sends a cookie without SameSite
 * on a cross-site top-level POST only during its first two minutes ("Lax-allowing-unsafe").
 * Chromium's clock cannot be moved, so this spec ages the cookie instead: it stores it in a
 * profile on disk, closes Chromium, moves the cookie's creation time three minutes back in
 * the profile's cookie database, and starts Chromium again on that profile. The simulated
 * browser gets the same story with its virtual clock moved three minutes on.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserCookieJar } from '../../mocks/client/cookie-jar'
import { startCaseServer, withHopKey, type CaseServer } from './case-server'
import type { Case } from './case-types'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './run-chromium'

const THREE_MINUTES_MS = 3 * 60 * 1000
const SET = 'https://session.test/set'
const POST = 'https://session.test/transfer'
const ATTACKER = 'https://attacker.test'

const cases: Case[] = [
  {
    id: 'aged',
    topic: 'Lax-allowing-unsafe',
    navigations: [
      {
        from: null,
        method: 'GET',
        url: SET,
        hops: [
          {
            setCookies: [
              { line: 'old=1; Max-Age=3600' },
              { line: 'oldlax=1; Max-Age=3600; SameSite=Lax' },
            ],
          },
        ],
      },
      { from: ATTACKER, method: 'POST', url: POST, hops: [{ setCookies: [{ line: 'young=1' }] }] },
      { from: ATTACKER, method: 'POST', url: POST, hops: [{ setCookies: [] }] },
    ],
  },
]

let server: CaseServer
let profile: string

async function launch(): Promise<BrowserContext> {
  const rules = `MAP *:80 127.0.0.1:${server.httpPort}, MAP *:443 127.0.0.1:${server.httpsPort}`
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, `--host-resolver-rules=${rules}`],
  })
}

async function answered(key: string): Promise<void> {
  for (let tries = 0; !server.log.has(key); tries++) {
    if (tries > 1000) throw new Error(`the server never saw hop ${key}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Chromium's withheld cookies and reasons for the POST, and what the server received. */
async function crossSitePost(context: BrowserContext, key: string) {
  const page = context.pages()[0] ?? (await context.newPage())
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await page.goto(`${ATTACKER}/blank`)
  let ours: string | undefined
  const extraInfo = new Map<string, string[]>()
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.endsWith(`k=${key}`)) ours = event.requestId
  })
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
    if (extraInfo.has(event.requestId)) return
    const blocked = event.associatedCookies.filter((entry) => entry.blockedReasons.length > 0)
    extraInfo.set(
      event.requestId,
      blocked.map((entry) => `${entry.cookie.name}: ${entry.blockedReasons.join(', ')}`).sort(),
    )
  })
  const target = JSON.stringify(withHopKey(POST, key))
  await cdp.send('Runtime.evaluate', {
    expression: `{ const f = document.createElement('form'); f.method = 'POST'; f.action = ${target}; document.body.append(f); f.submit() }`,
  })
  await answered(key)
  for (let tries = 0; ours === undefined || !extraInfo.has(ours); tries++) {
    if (tries > 1000) throw new Error(`CDP never reported the cookies of hop ${key}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await cdp.detach()
  const withheld = extraInfo.get(ours)!
  return { sent: server.log.get(key)?.cookieHeader ?? '', withheld }
}

beforeAll(async () => {
  server = await startCaseServer(cases)
  profile = await mkdtemp(path.join(tmpdir(), 'lax-allowing-unsafe-'))
}, 20_000)

afterAll(async () => {
  await server?.close()
  if (profile) await rm(profile, { recursive: true, force: true })
})

describe('a cookie without SameSite on a cross-site POST', () => {
  it('goes along during its first two minutes and stays home after, in Chromium and in the jar', async () => {
    // Chromium: set the cookies, age them on disk, then post from another site.
    let context = await launch()
    try {
      // The 204 answer aborts the navigation on purpose: the page stays, the cookies are stored.
      await context
        .pages()[0]!
        .goto(withHopKey(SET, '0.0.0'))
        .catch(() => undefined)
      await answered('0.0.0')
    } finally {
      await context.close()
    }
    const db = new DatabaseSync(path.join(profile, 'Default', 'Cookies'))
    const moved = db
      .prepare('UPDATE cookies SET creation_utc = creation_utc - ? WHERE name IN (?, ?)')
      .run(THREE_MINUTES_MS * 1000, 'old', 'oldlax')
    db.close()
    expect(moved.changes).toBe(2)
    context = await launch()
    let first, second
    try {
      first = await crossSitePost(context, '0.1.0')
      second = await crossSitePost(context, '0.2.0')
    } finally {
      await context.close()
    }

    // The simulated browser: the same cookies, three minutes older.
    let now = Date.now()
    const jar = new BrowserCookieJar(() => now)
    jar.receive(['old=1; Max-Age=3600', 'oldlax=1; Max-Age=3600; SameSite=Lax'], SET)
    now += THREE_MINUTES_MS
    const post = { initiator: ATTACKER, topLevel: true, method: 'POST' }
    const simFirst = jar.outgoing(POST, post)
    jar.receive(['young=1'], POST)
    const simSecond = jar.outgoing(POST, post)
    const simulated = (outgoing: typeof simFirst) => ({
      sent: outgoing.header ?? '',
      withheld: outgoing.withheld.map((w) => `${w.cookie.name}: ${w.reasons.join(', ')}`).sort(),
    })

    expect(first).toEqual({
      sent: '',
      withheld: ['old: SchemefulSameSiteUnspecifiedTreatedAsLax', 'oldlax: SchemefulSameSiteLax'],
    })
    expect(second).toEqual({ ...first, sent: 'young=1' })
    expect(simulated(simFirst)).toEqual(first)
    expect(simulated(simSecond)).toEqual(second)
  }, 60_000)
})
