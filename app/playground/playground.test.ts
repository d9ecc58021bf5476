// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { playgroundStore } from '../state/store'
import { actionSchema } from '../lesson-loader/lesson-schema'
import {
  aliceLogin,
  startPlaygroundWithServer,
  stopPlaygrounds,
} from '../../tests/support/playground-harness'

afterEach(() => stopPlaygrounds())

/** A playground on the sample server; `realNow` stands in for the real clock when given. */
async function setUp(realNow?: () => number) {
  return (await startPlaygroundWithServer(realNow ? { realNow } : {})).playground
}

describe('Playground', () => {
  it('records the login in the jar, the store, the network log and the explanations', async () => {
    const app = await setUp()
    await app.navigate(1, aliceLogin)
    const state = playgroundStore.getState()

    const [cookie] = state.profiles.Alice.cookies
    expect(cookie).toMatchObject({ name: 'connect.sid', httpOnly: true })
    const storedIds = [...(state.stores[0]?.entries?.keys() ?? [])]
    expect(cookie?.value).toContain(storedIds[0])
    expect(state.stores[0]?.entries?.get(storedIds[0] ?? '')).toMatchObject({ user: 'alice' })
    expect(
      state.exchanges.map(
        (exchange) =>
          `${exchange.method} ${new URL(exchange.url).pathname} ${exchange.response?.status}`,
      ),
    ).toEqual(['POST /login 302', 'GET /dashboard 200'])
    expect(state.tabs[0]?.page?.body).toContain('Hello, alice')
    expect(state.server.middlewares[0]).toMatchObject({
      name: 'connect.sid',
      secrets: ['keyboard cat'],
    })
    expect(state.consoleLines.map((line) => line.text)).toContain(
      'Listening on http://localhost:3000',
    )
  })

  it('wipes the store on restart and says so', async () => {
    const app = await setUp()
    await app.navigate(1, aliceLogin)
    await app.restartServer()
    const state = playgroundStore.getState()
    expect(state.stores[0]?.entries).toEqual(new Map())
    expect(state.consoleLines.at(-1)?.text).toMatch(/every stored session is gone/)
  })

  it('expires the cookie in the jar when the clock passes maxAge', async () => {
    const app = await setUp()
    await app.navigate(1, aliceLogin)
    await app.advanceClock(10 * 60 * 1000 + 1)
    expect(playgroundStore.getState().profiles.Alice.cookies).toEqual([])
  })

  it('gets the attacker in with a copied cookie, and out again once it is tampered with', async () => {
    const app = await setUp()
    await app.navigate(1, aliceLogin)
    const [cookie] = playgroundStore.getState().profiles.Alice.cookies
    if (!cookie) throw new Error('Alice has no cookie')
    app.copyCookie('Alice', 'Attacker', cookie)
    await app.navigate(3, { url: '/dashboard' })
    expect(playgroundStore.getState().tabs[2]?.page?.body).toContain('Hello, alice')

    app.tamperCookie('Attacker', cookie, { kind: 'flip-signature' })
    await app.navigate(3, { url: '/dashboard' })
    const state = playgroundStore.getState()
    expect(state.tabs[2]?.page?.body).toContain('<h1>Welcome</h1>')
    // Why: the dashboard request with the tampered cookie explains the rejected signature.
    const tampered = state.exchanges.findLast(
      (exchange) => exchange.profile === 'Attacker' && exchange.url.endsWith('/dashboard'),
    )
    const requestId = tampered?.requestId
    expect(requestId).toBeDefined()
    expect(state.explanations[requestId ?? -1]?.map((explanation) => explanation.code)).toContain(
      'cookie-signature-invalid',
    )
  })

  it('keeps back and forward history per tab', async () => {
    const app = await setUp()
    await app.navigate(2, { url: '/' })
    await app.navigate(2, { url: '/dashboard' })
    await app.goBack(2)
    const tab = playgroundStore.getState().tabs[1]
    expect(tab?.history).toEqual(['http://session.test/', 'http://session.test/'])
    expect(tab?.historyIndex).toBe(0)
  })

  it('reloads over https once the profile is switched to https', async () => {
    const app = await setUp()
    await app.navigate(1, { url: '/' })
    app.setSettings('Alice', { scheme: 'https' })
    await app.reload(1)
    const state = playgroundStore.getState()
    expect(state.exchanges.at(-1)?.url).toBe('https://session.test/')
    expect(state.tabs[0]?.page?.url).toBe('https://session.test/')
    expect(state.tabs[0]?.history).toEqual(['https://session.test/'])
  })

  it('links a redirect hop to the log id of the exchange that redirected', async () => {
    const app = await setUp()
    await app.navigate(2, { url: '/' })
    await app.navigate(1, aliceLogin)
    const [, post, get] = playgroundStore.getState().exchanges
    expect(post?.method).toBe('POST')
    expect(get?.redirectedFrom).toBe(post?.id)
  })

  it('activates a tab, and refuses a tab that does not exist', async () => {
    const app = await setUp()
    app.activateTab(3)
    expect(playgroundStore.getState().activeTabId).toBe(3)
    expect(() => app.activateTab(99)).toThrow('no tab with id 99')
  })

  it('drops the page of a tab closed while its request was in flight', async () => {
    const app = await setUp()
    const tabId = app.openTab('Bob')
    const navigation = app.navigate(tabId, { url: '/' })
    app.closeTab(tabId)
    await expect(navigation).resolves.toBeUndefined()
    expect(playgroundStore.getState().tabs.map((tab) => tab.id)).toEqual([1, 2, 3])
  })
})

describe('Playground.loadServerCode', () => {
  it('starts over: empty jars and logs, the clock back to now, the new code running', async () => {
    let realMs = Date.UTC(2030, 0, 1)
    const app = await setUp(() => realMs)
    await app.navigate(1, aliceLogin)
    await app.advanceClock(3_600_000)
    realMs += 5 * 60_000
    await app.loadServerCode(
      `module.exports = require('express')().get('/', (req, res) => res.send('lesson'))`,
    )
    const state = playgroundStore.getState()
    expect(state.profiles.Alice.cookies).toEqual([])
    expect(state.exchanges).toEqual([])
    expect(state.server.clockOffsetMs).toBe(0)
    expect(app.now()).toBe(realMs)
    expect(state.server.originalSource).toContain("res.send('lesson')")
    await app.navigate(1, { url: '/' })
    expect(playgroundStore.getState().tabs[0]?.page?.body).toBe('lesson')
  })

  it('empties the simulated Redis, which Run keeps as a real Redis outlives a restart', async () => {
    const redisCounter = `const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')
const client = createClient()
client.connect()
const app = express()
app.use(session({ store: new RedisStore({ client }), secret: 's', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => res.send(String((req.session.views = (req.session.views || 0) + 1))))
module.exports = app`
    const app = await setUp()
    const sessionCount = () =>
      [...(playgroundStore.getState().stores[0]?.entries?.keys() ?? [])].length
    await app.loadServerCode(redisCounter)
    await app.navigate(1, { url: '/' })
    await app.runCode(redisCounter)
    expect(sessionCount()).toBe(1)
    await app.loadServerCode(redisCounter)
    expect(sessionCount()).toBe(0)
  })

  describe('a store disconnect', () => {
    const disconnected = () => playgroundStore.getState().disconnectedStoreIds

    it('is recorded for the store inspector when a lesson step does it', async () => {
      const app = await setUp()
      const storeId = playgroundStore.getState().stores[0]?.storeId
      await app.performLessonAction(actionSchema.parse({ store: 'disconnect' }))
      expect(disconnected()).toEqual([storeId])
      await app.performLessonAction(actionSchema.parse({ store: 'connect' }))
      expect(disconnected()).toEqual([])
    })

    it('is recorded the same way when the store inspector button does it', async () => {
      const app = await setUp()
      const storeId = playgroundStore.getState().stores[0]?.storeId ?? 0
      await app.setStoreConnection(storeId, false)
      expect(disconnected()).toEqual([storeId])
      expect(playgroundStore.getState().consoleLines.at(-1)?.text).toContain('"disconnect"')
    })
  })

  describe('closing a browser', () => {
    const rememberMe = `const express = require('express')
const app = express()
app.get('/', (req, res) => {
  res.cookie('visit', 'once')
  res.cookie('remember', 'me', { maxAge: 86400000 })
  res.send('ok')
})
app.listen(3000)`

    it('ends its session cookies, keeps the persistent ones and reopens on a blank tab', async () => {
      const app = (await startPlaygroundWithServer({ source: rememberMe })).playground
      await app.navigate(1, { url: '/' })
      const names = () => playgroundStore.getState().profiles.Alice.cookies.map(({ name }) => name)
      expect(names().sort()).toEqual(['remember', 'visit'])

      await app.performLessonAction(actionSchema.parse({ closeBrowser: { profile: 'Alice' } }))

      const state = playgroundStore.getState()
      expect(names()).toEqual(['remember'])
      expect(state.profiles.Alice.departed).toMatchObject([
        { name: 'visit', reason: 'browser-closed' },
      ])
      const aliceTabs = state.tabs.filter((tab) => tab.profile === 'Alice')
      expect(aliceTabs).toHaveLength(1)
      expect(aliceTabs[0]?.page).toBeUndefined()
      expect(state.activeTabId).toBe(aliceTabs[0]?.id)
      expect(state.consoleLines.at(-1)?.text).toContain("Closed Alice's browser")
      expect(state.profiles.Bob.cookies).toEqual([])
    })
  })

  describe('the clock in a lesson', () => {
    it('waits for the learner: real time passing moves nothing, a jump or Resume does', async () => {
      let realMs = Date.UTC(2030, 0, 1)
      const app = await setUp(() => realMs)
      await app.loadServerCode(
        "require('express')().get('/', (req, res) => res.send('ok')).listen(3000)",
        '06-expiry',
      )
      const lessonStart = app.now()
      expect(playgroundStore.getState().server.clockPausedAtMs).toBe(lessonStart)

      realMs += 60_000
      expect(app.now()).toBe(lessonStart)

      await app.advanceClock(40_000)
      expect(app.now()).toBe(lessonStart + 40_000)
      realMs += 60_000
      expect(app.now()).toBe(lessonStart + 40_000)

      await app.setClockFlowing(true)
      expect(playgroundStore.getState().server.clockPausedAtMs).toBeUndefined()
      realMs += 5_000
      expect(app.now()).toBe(lessonStart + 45_000)
    })

    it('runs with real time in free play until the learner pauses it', async () => {
      let realMs = Date.UTC(2030, 0, 1)
      const app = await setUp(() => realMs)
      await app.loadServerCode("require('express')().listen(3000)", 'sample', {
        realTimeClock: true,
      })
      const start = app.now()
      realMs += 5_000
      expect(app.now()).toBe(start + 5_000)
      await app.setClockFlowing(false)
      realMs += 5_000
      expect(app.now()).toBe(start + 5_000)
    })
  })
})
