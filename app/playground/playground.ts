/**
 * The playground controller: owns the simulated browsers and the connection to the simulated
 * server, performs what the learner (or a lesson) asks, and is the one bridge that turns
 * engine events and browser exchanges into store snapshots. No React here; panels read the
 * store and call these methods through the PlaygroundContext.
 */
import {
  SimulatedBrowser,
  withSiteScheme,
  type BrowserSettings,
  type NavigationRequest,
  type PageView,
  type JarCookie,
  tamperedValue,
  type TamperAction,
} from '../../mocks/client'
import type { EngineEvent, LoadResult, ServerTransport } from '../../mocks/server'
import { blankTab, DEFAULT_SETTINGS, startingTabs, type TabState } from '../state/browsers-slice'
import { PROFILE_NAMES, type ProfileName } from '../shared/profile-names'
import { applyStoreChanges } from './apply-store-changes'
import { cookieDepartures, type JarChange } from './cookie-departures'
import { createProfileBrowsers, endSessionCookies } from './profile-browsers'
import { browserClosedMessage, SERVER_RESTARTED, storeConnectionMessage } from './system-messages'
import { UpdateHold } from './update-hold'
import { CoalescedReads } from './coalesced-reads'
import { showEngineEvents } from './engine-event-rows'
import type { LessonServerOptions, PlaygroundOptions, StoreAccess } from './playground-options'
import { createLearnerChoices, type LearnerChoices } from './learner-choices'
import { LessonLoadQueue } from './lesson-load-queue'
import { performLessonAction } from './perform-lesson-action'
import type { LessonAction } from '../lesson-loader/lesson-schema'
import type { PlaygroundState } from '../state/store'
import { clockReading, clockState, virtualNowOf, type ServerState } from '../state/server-slice'

const JAR_REFRESH_MS = 1000

/** How long a navigation runs before the tab shows that it is loading. */
export const LOADING_SHOWN_AFTER_MS = 80
/** The least time between two store reads when requests come faster than reads. */
const STORE_READ_SPACING_MS = 100
/** The longest a navigation holds back what the panels show (see UpdateHold). */
const MAX_HOLD_MS = 60

export class Playground {
  readonly browsers: Record<ProfileName, SimulatedBrowser>
  private readonly server: ServerTransport
  private readonly store: StoreAccess
  private readonly realNow: () => number
  private nextTabId = PROFILE_NAMES.length + 1
  private jarTimer: ReturnType<typeof setInterval> | undefined
  private readonly unsubscribe: () => void
  private readonly hold = new UpdateHold(MAX_HOLD_MS)
  private unshownEvents: EngineEvent[] = []
  /** The learner's own choices (preferences, progress, selection), for the panels to make. */
  readonly learner: LearnerChoices
  /** Which lesson's code the server runs: one load at a time (see LessonLoadQueue). */
  readonly lessonServer: LessonLoadQueue
  private readonly storeReads = new CoalescedReads<number>(
    (request) => this.readStoreChanges(request),
    Math.max,
    STORE_READ_SPACING_MS,
  )

  constructor(options: PlaygroundOptions) {
    this.server = options.server
    this.store = options.store
    this.realNow = options.realNow ?? (() => Date.now())
    this.learner = createLearnerChoices(() => this.state)
    this.lessonServer = new LessonLoadQueue(
      () => this.state,
      (source, origin, serverOptions) => this.loadServerCode(source, origin, serverOptions),
    )
    this.browsers = createProfileBrowsers({
      send: options.send,
      now: () => this.now(),
      onExchange: (profile, exchange) =>
        this.hold.run(() => {
          this.state.appendExchange(exchange)
          this.refreshJar(profile)
        }),
    })
    this.unsubscribe = this.server.subscribe((event) => this.receive(event))
  }

  private get state(): PlaygroundState {
    return this.store.getState()
  }

  /** Virtual time, the same the server reads. */
  now(): number {
    return virtualNowOf(this.state.server, this.realNow())
  }

  /** Keeps jar views current while virtual time flows: cookies expire without any request. */
  startJarRefresh(): void {
    this.jarTimer ??= setInterval(
      () => PROFILE_NAMES.forEach((profile) => this.refreshJar(profile)),
      JAR_REFRESH_MS,
    )
  }

  dispose(): void {
    if (this.jarTimer) clearInterval(this.jarTimer)
    this.unsubscribe()
  }

  // ——— server ———

  async startServer(
    source: string,
    instances = this.state.server.instances,
    { freshRedis = false }: { freshRedis?: boolean } = {},
  ): Promise<void> {
    const first = this.state.server.originalSource ? {} : { originalSource: source }
    await this.boot(() => this.server.start(source, 'server.js', { instances, freshRedis }), {
      source,
      ...first,
    })
    await this.refreshStores()
  }

  /**
   * A fresh server process: status, middlewares and errors start over (with `starting` in the
   * same update), and its stores are connected.
   */
  private async boot(
    start: () => Promise<LoadResult>,
    starting: Partial<ServerState> = {},
  ): Promise<void> {
    const { updateServer } = this.state
    updateServer({
      ...starting,
      status: 'starting',
      middlewares: [],
      loadError: undefined,
      crashError: undefined,
    })
    this.state.resetStoreConnections()
    const result = await start()
    updateServer(result.ok ? { status: 'running' } : { status: 'failed', loadError: result.error })
  }

  /** Runs edited code: a restart with the new source, as after saving and rerunning `node`. */
  runCode(source: string): Promise<void> {
    return this.startServer(source)
  }

  resetCode(): Promise<void> {
    return this.startServer(this.state.server.originalSource)
  }

  /**
   * A clean slate for a lesson (or for "reset lesson"): empty jars and tabs, empty logs, the
   * clock back at real time, and the server started fresh from `source`.
   */
  async loadServerCode(
    source: string,
    codeOrigin = this.state.server.codeOrigin,
    { instances = 1, editable = true, realTimeClock = false }: LessonServerOptions = {},
  ): Promise<void> {
    for (const profile of PROFILE_NAMES) this.browsers[profile].jar.clear()
    const state = this.state
    for (const profile of PROFILE_NAMES)
      state.setProfile(profile, { cookies: [], departed: [], settings: DEFAULT_SETTINGS })
    state.setTabs(startingTabs(), 1)
    this.nextTabId = PROFILE_NAMES.length + 1
    state.clearActivity()
    // A lesson's clock waits for the learner; free play may run in step with real time.
    await this.server.setClock(this.realNow())
    await this.setClockFlowing(realTimeClock)
    state.updateServer({ originalSource: source, codeOrigin, editable, instances })
    // A clean slate has an empty Redis too; Run and Restart keep it, as a real one would.
    await this.startServer(source, instances, { freshRedis: true })
  }

  async restartServer(): Promise<void> {
    await this.boot(() => this.server.restart())
    this.system(SERVER_RESTARTED)
    await this.refreshStores()
  }

  // ——— lessons ———

  /** What "do it for me" does, and what the lesson replay does for each step. */
  performLessonAction(action: LessonAction): Promise<void> {
    return performLessonAction(this, this.state, action)
  }

  /**
   * Disconnects or reconnects a store, as its client emits "disconnect" or "connect", and records
   * which: a lesson's action and the store inspector's button both come here.
   */
  async setStoreConnection(storeId: number, connected: boolean): Promise<void> {
    await this.server.commandStore({ storeId, action: connected ? 'connect' : 'disconnect' })
    this.state.setStoreConnection(storeId, connected)
    this.system(storeConnectionMessage(storeId, connected))
  }

  /** Pauses virtual time, or lets it run with real time again from where it stands. */
  async setClockFlowing(flowing: boolean): Promise<void> {
    const nowMs = await this.server.setClockFlowing(flowing)
    this.state.updateServer(clockState(nowMs, this.realNow(), !flowing))
  }

  async advanceClock(ms: number): Promise<void> {
    const nowMs = await this.server.advanceClock(ms)
    this.state.updateServer(clockReading(this.state.server, nowMs, this.realNow()))
    PROFILE_NAMES.forEach((profile) => this.refreshJar(profile))
    await this.refreshStores()
  }

  /**
   * Brings the store panel up to date with what changed in the stores, recorded as `request`'s
   * diff. A learner's requests, one at a time, each get a read and a diff of their own at once;
   * in a burst, one read stands for every request that ended meanwhile (its diff goes to the
   * newest of them), STORE_READ_SPACING_MS after the one before: each read walks every stored
   * session.
   */
  refreshStores(request?: number): Promise<void> {
    return this.storeReads.ask(request)
  }

  private async readStoreChanges(request: number | undefined): Promise<void> {
    const changes = await this.server.readStoreChanges()
    this.hold.run(() => {
      const { stores, diff } = applyStoreChanges(this.state.stores, changes)
      this.state.setStores(
        stores,
        request === undefined ? undefined : { requestId: request, ...diff },
      )
    })
  }

  // ——— browsers ———

  async navigate(tabId: number, request: NavigationRequest): Promise<void> {
    const tab = this.tab(tabId)
    const browser = this.browsers[tab.profile]
    const settings = this.state.profiles[tab.profile].settings
    await this.showNavigation(tabId, browser.navigate(request, settings), (current, page) => {
      const history = [...current.history.slice(0, current.historyIndex + 1), page.url]
      return { history, historyIndex: history.length - 1 }
    })
  }

  /**
   * Puts the page `navigation` ends on into the tab, with the history `record` gives, in the
   * same redraw as everything else the request changed (see UpdateHold). The tab shows that it
   * is loading only once the navigation has taken LOADING_SHOWN_AFTER_MS: most answers come
   * sooner, and redrawing every panel for a progress bar seen for a frame would delay them.
   */
  private async showNavigation(
    tabId: number,
    navigation: Promise<{ page: PageView }>,
    record: (current: TabState, page: PageView) => Pick<TabState, 'history' | 'historyIndex'>,
  ): Promise<void> {
    const timer = setTimeout(() => {
      if (this.state.tabs.some((tab) => tab.id === tabId))
        this.state.updateTab(tabId, { loading: true })
    }, LOADING_SHOWN_AFTER_MS)
    try {
      await this.hold.during(navigation, ({ page }) => {
        // The learner may have closed the tab while the request was in flight.
        const current = this.state.tabs.find((candidate) => candidate.id === tabId)
        if (current) this.state.updateTab(tabId, { page, loading: false, ...record(current, page) })
      })
    } finally {
      clearTimeout(timer)
    }
  }

  async goBack(tabId: number): Promise<void> {
    await this.goToHistoryEntry(tabId, -1)
  }

  async goForward(tabId: number): Promise<void> {
    await this.goToHistoryEntry(tabId, 1)
  }

  async reload(tabId: number): Promise<void> {
    await this.goToHistoryEntry(tabId, 0)
  }

  /**
   * History navigation re-requests the page with GET, as after a browser restart (no cache).
   * The site is reached with the profile's current scheme: switching a profile to https and
   * pressing reload asks for the same page over https.
   */
  private async goToHistoryEntry(tabId: number, step: -1 | 0 | 1): Promise<void> {
    const tab = this.tab(tabId)
    const index = tab.historyIndex + step
    const entry = tab.history[index]
    if (entry === undefined) return
    const settings = this.state.profiles[tab.profile].settings
    const url = withSiteScheme(entry, settings.scheme)
    await this.showNavigation(
      tabId,
      this.browsers[tab.profile].navigate({ url }, settings),
      // Like a browser, the entry now holds where the request ended up (scheme, redirects).
      (current, page) => ({
        history: current.history.map((visited, at) => (at === index ? page.url : visited)),
        historyIndex: index,
      }),
    )
  }

  activateTab(tabId: number): void {
    this.tab(tabId)
    this.state.setActiveTab(tabId)
  }

  openTab(profile: ProfileName): number {
    const id = this.nextTabId++
    this.state.setTabs([...this.state.tabs, blankTab(id, profile)], id)
    return id
  }

  closeTab(tabId: number): void {
    const remaining = this.state.tabs.filter((tab) => tab.id !== tabId)
    if (remaining.length === 0) return
    const active = this.state.activeTabId === tabId ? remaining[0]?.id : this.state.activeTabId
    this.state.setTabs(remaining, active)
  }

  setSettings(profile: ProfileName, change: Partial<BrowserSettings>): void {
    const settings = { ...this.state.profiles[profile].settings, ...change }
    this.state.setProfile(profile, { settings })
  }

  // ——— cookie jars ———

  putCookie(profile: ProfileName, cookie: JarCookie): void {
    this.browsers[profile].jar.put(cookie)
    this.refreshJar(profile)
  }

  deleteCookie(profile: ProfileName, cookie: JarCookie): void {
    this.browsers[profile].jar.remove(cookie)
    this.refreshJar(profile, 'learner')
  }

  /** Quits a browser: session cookies end, persistent ones stay; it reopens on a blank tab. */
  closeBrowser(profile: ProfileName): void {
    const ended = endSessionCookies(this.browsers[profile].jar)
    this.refreshJar(profile, 'closed')
    const reopened = blankTab(this.nextTabId++, profile)
    const others = this.state.tabs.filter((tab) => tab.profile !== profile)
    this.state.setTabs([...others, reopened], reopened.id)
    this.system(browserClosedMessage(profile, ended))
  }

  clearCookies(profile: ProfileName): void {
    this.browsers[profile].jar.clear()
    this.refreshJar(profile, 'learner')
  }

  copyCookie(from: ProfileName, to: ProfileName, cookie: JarCookie): void {
    this.putCookie(to, cookie)
    this.system(`Copied ${cookie.name} from ${from}'s browser to ${to}'s.`)
  }

  tamperCookie(profile: ProfileName, cookie: JarCookie, action: TamperAction): void {
    const value = tamperedValue(cookie.value, action)
    this.putCookie(profile, { ...cookie, value, size: cookie.name.length + value.length })
  }

  private refreshJar(profile: ProfileName, change: JarChange = 'browsing'): void {
    const cookies = this.browsers[profile].jar.list()
    const current = this.state.profiles[profile].cookies
    if (JSON.stringify(cookies) === JSON.stringify(current)) return
    const departed = cookieDepartures(current, cookies, change, this.now())
    this.state.setProfile(profile, departed.length ? { cookies, departed } : { cookies })
  }

  private tab(tabId: number): TabState {
    const tab = this.state.tabs.find((candidate) => candidate.id === tabId)
    if (!tab) throw new Error(`no tab with id ${tabId}`)
    return tab
  }

  // ——— events from the server ———

  private system(text: string): void {
    this.state.appendConsole([
      { kind: 'system', text, time: this.now(), requestId: undefined, location: undefined },
    ])
  }

  /**
   * Events are shown in batches, one store update per burst (a request sends dozens, a burst
   * of requests thousands): each update copies the logs it appends to.
   */
  private receive(event: EngineEvent): void {
    // The store is read at once, so that its contents can join the same redraw.
    if (event.kind === 'request-end') void this.refreshStores(event.requestId)
    if (this.unshownEvents.push(event) > 1) return
    queueMicrotask(() => {
      const events = this.unshownEvents
      this.unshownEvents = []
      this.hold.run(() => showEngineEvents(this.store, events, this.realNow()))
    })
  }
}
