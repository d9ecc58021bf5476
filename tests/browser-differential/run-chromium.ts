/**
 * Runs the corpus in real Chromium and reads its decisions through CDP: the Cookie header the
 * server received (what was sent), `Network.requestWillBeSentExtraInfo` (cookies withheld and
 * why), `Network.responseReceivedExtraInfo` (Set-Cookie lines blocked and why) and
 * `Storage.getCookies` (the jar).
 *
 * Speed: each browser context keeps one tab open on every origin a navigation may start from,
 * plus one for the address bar. A form or `location.assign` in the right tab starts each
 * navigation, and its last hop answers 204, so no page is ever loaded again; cases in one
 * context run one after another, clearing the cookies in between, and contexts run side by side.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { hopKey, withHopKey, type CaseServer } from './case-server'
import type { Case, CaseOutcome, HopOutcome } from './case-types'
import { blockedEntry, jarEntry, withheldEntry, type JarEntry } from './outcome-format'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
  // One renderer for every site: cookie decisions are the network service's, and without a
  // speculative renderer per cross-site navigation the corpus costs a fifth less CPU. (No
  // --disable-features of our own: a second one would replace playwright's list.)
  '--disable-site-isolation-trials',
]

const STEP_TIMEOUT_MS = 10_000

export interface ChromiumOutcome extends CaseOutcome {
  jarEntries: JarEntry[]
}

interface RequestEvents {
  urls: string[]
  withheld: string[][]
  blocked: string[][]
  /** The navigation is over (a 204 ends as a cancelled load), so the tab may start the next. */
  ended: boolean
}

interface CdpCookie {
  name: string
  value: string
  domain: string
  path: string
  expires: number
  httpOnly: boolean
  secure: boolean
  session: boolean
  sameSite?: string
}

/** One tab, on one origin, with the CDP events of its requests. */
class Tab {
  readonly events = new Map<string, RequestEvents>()
  /** Called after every CDP event, while a navigation waits for its hops. */
  private onEvent: (() => void) | undefined
  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  static async open(page: Page, origin: string | null): Promise<Tab> {
    const cdp = await page.context().newCDPSession(page)
    const tab = new Tab(page, cdp)
    await cdp.send('Network.enable')
    cdp.on('Network.requestWillBeSent', (event) =>
      tab.of(event.requestId).urls.push(event.request.url),
    )
    cdp.on('Network.requestWillBeSentExtraInfo', (event) =>
      tab
        .of(event.requestId)
        .withheld.push(
          event.associatedCookies
            .filter((entry) => entry.blockedReasons.length > 0)
            .map((entry) => withheldEntry(entry.cookie, entry.blockedReasons)),
        ),
    )
    const end = ({ requestId }: { requestId: string }) => {
      tab.of(requestId).ended = true
    }
    cdp.on('Network.loadingFinished', end)
    cdp.on('Network.loadingFailed', end)
    cdp.on('Network.responseReceivedExtraInfo', (event) =>
      tab
        .of(event.requestId)
        .blocked.push(
          (event.blockedCookies ?? []).map((entry) =>
            blockedEntry(entry.cookieLine, entry.blockedReasons),
          ),
        ),
    )
    if (origin !== null) await page.goto(`${origin}/blank`)
    return tab
  }

  private of(requestId: string): RequestEvents {
    let events = this.events.get(requestId)
    if (!events) {
      events = { urls: [], withheld: [], blocked: [], ended: false }
      this.events.set(requestId, events)
    }
    // The listener runs once the event's own push is done.
    queueMicrotask(() => this.onEvent?.())
    return events
  }

  async navigate(method: string, url: string, addressBar: boolean): Promise<void> {
    this.events.clear()
    if (addressBar) {
      await this.cdp.send('Page.navigate', { url })
      return
    }
    const target = JSON.stringify(url)
    const expression =
      method === 'GET'
        ? `location.assign(${target})`
        : `{ const form = document.createElement('form'); form.method = 'POST'; form.action = ${target};
            const field = document.createElement('input'); field.name = 'to'; field.value = 'mallory';
            form.append(field); document.body.append(form); form.submit() }`
    await this.cdp.send('Runtime.evaluate', { expression })
  }

  /** Waits until CDP has reported the request and response extra info of every hop. */
  eventsFor(keys: string[]): Promise<RequestEvents> {
    const complete = () => {
      for (const events of this.events.values()) {
        const ours = events.urls.filter((url) => keys.some((key) => url.endsWith(`k=${key}`)))
        if (
          ours.length === keys.length &&
          events.withheld.length >= keys.length &&
          events.blocked.length >= keys.length &&
          events.ended
        )
          return events
      }
      return undefined
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.onEvent = undefined
        reject(new Error(`CDP never reported every hop of ${keys.join(', ')}`))
      }, STEP_TIMEOUT_MS)
      this.onEvent = () => {
        const events = complete()
        if (!events) return
        clearTimeout(timer)
        this.onEvent = undefined
        resolve(events)
      }
      this.onEvent()
    })
  }
}

class Worker {
  private constructor(
    private readonly tabs: Map<string | null, Tab>,
    private readonly browserCdp: CDPSession,
    private readonly contextId: string,
    private readonly server: CaseServer,
  ) {}

  static async open(browser: Browser, server: CaseServer, origins: string[]): Promise<Worker> {
    const context = await browser.newContext()
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    const tabs = new Map<string | null, Tab>()
    for (const origin of [null, ...origins])
      tabs.set(origin, await Tab.open(await context.newPage(), origin))
    const { targetInfo } = await tabs.get(null)!.cdp.send('Target.getTargetInfo')
    const browserCdp = await browser.newBrowserCDPSession()
    return new Worker(tabs, browserCdp, targetInfo.browserContextId ?? '', server)
  }

  async run(testCase: Case, caseIndex: number): Promise<ChromiumOutcome> {
    await this.browserCdp.send('Storage.clearCookies', { browserContextId: this.contextId })
    const hops: HopOutcome[] = []
    for (const [navIndex, navigation] of testCase.navigations.entries()) {
      const tab = this.tabs.get(navigation.from)
      if (!tab) throw new Error(`no tab for ${navigation.from}`)
      const url = withHopKey(navigation.url, hopKey(caseIndex, navIndex, 0))
      await tab.navigate(navigation.method, url, navigation.from === null)
      const keys = navigation.hops.map((_, hop) => hopKey(caseIndex, navIndex, hop))
      const events = await tab.eventsFor(keys)
      keys.forEach((key, hop) => {
        const logged = this.server.log.get(key)
        hops.push({
          url: events.urls[hop] ?? '',
          sent: logged?.cookieHeader ? logged.cookieHeader.split('; ') : [],
          withheld: [...(events.withheld[hop] ?? [])].sort(),
          blocked: events.blocked[hop] ?? [],
        })
      })
    }
    const { cookies } = (await this.browserCdp.send('Storage.getCookies', {
      browserContextId: this.contextId,
    })) as { cookies: CdpCookie[] }
    const jarEntries = cookies.map((cookie) =>
      jarEntry({
        name: cookie.name,
        value: cookie.value,
        hostOnly: !cookie.domain.startsWith('.'),
        domain: cookie.domain.replace(/^\./, ''),
        path: cookie.path,
        expiresMs: cookie.session ? null : cookie.expires * 1000,
        secure: cookie.secure,
        httpOnly: cookie.httpOnly,
        sameSite: cookie.sameSite,
      }),
    )
    return { hops, jar: jarEntries.map((entry) => entry.text).sort(), jarEntries }
  }
}

/** Every case's outcome in Chromium, in corpus order. */
export async function runInChromium(
  cases: readonly Case[],
  server: CaseServer,
  workers = Number(process.env.BROWSER_DIFF_WORKERS) || 2,
): Promise<ChromiumOutcome[]> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  const origins = [
    ...new Set(cases.flatMap((c) => c.navigations.flatMap((n) => (n.from ? [n.from] : [])))),
  ]
  const rules = `MAP *:80 127.0.0.1:${server.httpPort}, MAP *:443 127.0.0.1:${server.httpsPort}`
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, `--host-resolver-rules=${rules}`],
  })
  try {
    const outcomes: ChromiumOutcome[] = new Array(cases.length)
    let next = 0
    const pool = await Promise.all(
      Array.from({ length: workers }, () => Worker.open(browser, server, origins)),
    )
    await Promise.all(
      pool.map(async (worker) => {
        while (next < cases.length) {
          const index = next++
          outcomes[index] = await worker.run(cases[index]!, index)
        }
      }),
    )
    return outcomes
  } finally {
    await browser.close()
  }
}
