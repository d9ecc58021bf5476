/**
 * Runs a case through the playground's simulated browser, handing it the very responses the
 * test server gave Chromium (from the server's log), with the virtual clock set to the moment
 * each one was sent.
 */
import { SimulatedBrowser, DEFAULT_SETTINGS } from '../../mocks/client/simulated-browser'
import type { SimRequest } from '../../mocks/server/realm/realm-types'
import { hopKey, withHopKey, type LoggedResponse } from './case-server'
import type { Case, CaseOutcome, HopOutcome } from './case-types'
import { blockedEntry, jarEntry, withheldEntry, type JarEntry } from './outcome-format'
import { CORPUS_HOSTS } from './generate-corpus'

export interface SimulatedOutcome extends CaseOutcome {
  jarEntries: JarEntry[]
}

export async function runSimulated(
  testCase: Case,
  caseIndex: number,
  log: ReadonlyMap<string, LoggedResponse>,
): Promise<SimulatedOutcome> {
  let now = 0
  const received: SimRequest[] = []
  const browser = new SimulatedBrowser('Differential', {
    hosts: CORPUS_HOSTS,
    now: () => now,
    send: async (request) => {
      received.push(request)
      const key = new URLSearchParams(request.url.split('?')[1] ?? '').get('k') ?? ''
      const logged = log.get(key)
      if (!logged) throw new Error(`Chromium never requested hop ${key} (${request.url})`)
      now = logged.atMs
      return {
        meta: {
          ok: true,
          requestId: 0,
          status: logged.status,
          statusMessage: '',
          headers: logged.headers,
          explanations: [],
        },
        body: new Uint8Array(),
      }
    },
  })
  const hops: HopOutcome[] = []
  for (const [navIndex, navigation] of testCase.navigations.entries()) {
    now = log.get(hopKey(caseIndex, navIndex, 0))?.atMs ?? now
    received.length = 0
    const { exchanges } = await browser.navigate(
      {
        url: withHopKey(navigation.url, hopKey(caseIndex, navIndex, 0)),
        method: navigation.method,
        ...(navigation.method === 'POST' ? { form: [['to', 'mallory']] as const } : {}),
        initiator: navigation.from,
      },
      DEFAULT_SETTINGS,
    )
    for (const exchange of exchanges) {
      const cookieHeader = exchange.requestHeaders.find(([name]) => name === 'Cookie')?.[1]
      hops.push({
        url: exchange.url,
        sent: cookieHeader ? cookieHeader.split('; ') : [],
        withheld: exchange.cookiesWithheld
          .map(({ cookie, reasons }) =>
            withheldEntry(
              { ...cookie, domain: cookie.hostOnly ? cookie.domain : `.${cookie.domain}` },
              reasons,
            ),
          )
          .sort(),
        blocked: exchange.setCookieVerdicts.flatMap((verdict) =>
          verdict.outcome === 'rejected' ? [blockedEntry(verdict.header, verdict.reasons)] : [],
        ),
      })
    }
  }
  const jarEntries = browser.jar.list().map((cookie) => jarEntry(cookie))
  return { hops, jar: jarEntries.map((entry) => entry.text).sort(), jarEntries }
}
