/**
 * Plays a scenario against one side. The browsers (cookie jars), the virtual time and every
 * request byte are produced here, so both sides receive exactly the same input.
 */
import {
  CookieJar,
  encodeCookieValue,
  flipCharacter,
  parseSignedValue,
  type RequestContext,
} from './cookie-jar'
import {
  DEFAULT_COOKIE_NAME,
  DEFAULT_HOST,
  START_TIME_MS,
  describeStep,
  isAdvanceStep,
  isJarStep,
  isRequestStep,
  isStoreStep,
  type JarStep,
  type RequestStep,
  type Scenario,
  type StoreStep,
} from './scenario'
import {
  isHttpResponse,
  type ServerDriver,
  type StepRecord,
  type StoreAction,
  type StoreSnapshot,
  type Transcript,
  type WireRequest,
} from './transcript'

class ScenarioRun {
  private readonly jars = new Map<string, CookieJar>()
  private nowMs = START_TIME_MS
  private lastStores: StoreSnapshot[] = []
  private readonly host: string
  private readonly hostname: string
  private readonly cookieName: string

  constructor(
    private readonly scenario: Scenario,
    private readonly driver: ServerDriver,
  ) {
    this.host = scenario.host ?? DEFAULT_HOST
    this.hostname = this.host.replace(/:\d+$/, '')
    this.cookieName = scenario.cookieName ?? DEFAULT_COOKIE_NAME
  }

  async play(): Promise<StepRecord[]> {
    const records: StepRecord[] = []
    const started = await this.driver.start(this.nowMs)
    this.lastStores = started.stores
    records.push({ title: 'start', ...started })
    for (const [index, step] of this.scenario.steps.entries()) {
      const title = `#${index + 1} ${describeStep(step)}`
      if (isRequestStep(step)) {
        records.push({ title, ...(await this.request(step)) })
      } else if (isAdvanceStep(step)) {
        this.nowMs += step.advance
        records.push({ title, ...(await this.driver.setClock(this.nowMs)) })
      } else if (isJarStep(step)) {
        this.editJar(step)
        records.push({ title, output: [], storeCalls: [], stores: this.lastStores })
      } else if (isStoreStep(step)) {
        records.push({ title, ...(await this.driver.store(this.storeAction(step))) })
      } else {
        records.push({ title, ...(await this.driver.restart(this.nowMs, step.source)) })
      }
      this.lastStores = records[records.length - 1]?.stores ?? []
    }
    return records
  }

  private jar(browser: string): CookieJar {
    let jar = this.jars.get(browser)
    if (!jar) {
      jar = new CookieJar()
      this.jars.set(browser, jar)
    }
    return jar
  }

  private async request(step: RequestStep) {
    const secure = step.secure ?? false
    const context: RequestContext = {
      hostname: this.hostname,
      path: step.path.replace(/[?#].*$/, ''),
      secure: secure || step.behindHttpsProxy === true,
      nowMs: this.nowMs,
    }
    const jar = this.jar(step.browser)
    const headers: WireRequest['headers'] = [['Host', this.host]]
    const cookie = step.useJar === false ? undefined : jar.cookieHeader(context)
    if (cookie !== undefined) headers.push(['Cookie', cookie])
    for (const [name, value] of step.headers ?? []) headers.push([name, value])
    if (step.behindHttpsProxy) headers.push(['X-Forwarded-Proto', 'https'])
    if (step.body !== undefined) {
      headers.push(['Content-Length', String(Buffer.byteLength(step.body, 'utf8'))])
    }
    const request: WireRequest = {
      method: step.method ?? 'GET',
      path: step.path,
      headers,
      secure,
      ...(step.body === undefined ? {} : { body: step.body }),
    }
    const result = await this.driver.request(request)
    if (isHttpResponse(result.exchange)) {
      for (const [name, value] of result.exchange.headers) {
        if (name.toLowerCase() === 'set-cookie') jar.receive(value, context)
      }
    }
    return result
  }

  private editJar(step: JarStep): void {
    const name = step.cookie ?? this.cookieName
    if (step.jar === 'copy') {
      const source = this.jar(step.from).find(name, this.nowMs)
      if (!source) throw new Error(`scenario step: ${step.from} has no cookie ${name} to copy`)
      this.jar(step.to).plant(source)
      return
    }
    const jar = this.jar(step.browser)
    if (step.jar === 'set') {
      jar.setValue(name, step.value, this.hostname)
      return
    }
    if (step.jar === 'delete') {
      jar.remove(name)
      return
    }
    const stored = jar.find(name, this.nowMs)
    const signed = stored && parseSignedValue(stored.value)
    if (!signed) throw new Error(`scenario step: ${step.browser} has no signed cookie ${name}`)
    const edited =
      step.jar === 'tamper-signature'
        ? `s:${signed.id}.${flipCharacter(signed.signature)}`
        : step.jar === 'change-id'
          ? `s:${flipCharacter(signed.id)}.${signed.signature}`
          : `${signed.id}.${signed.signature}`
    jar.setValue(name, encodeCookieValue(edited), this.hostname)
  }

  private storeAction(step: StoreStep): StoreAction {
    const index = step.index ?? 0
    switch (step.store) {
      case 'delete':
        return { action: 'delete', index, sessionId: this.sessionIdOf(step.sessionOf) }
      case 'write': {
        const sessionId = this.sessionIdOf(step.sessionOf)
        const current = this.lastStores[index]?.entries?.[sessionId]
        return { action: 'write', index, sessionId, data: step.data(current, this.nowMs) }
      }
      default:
        return { action: step.store, index }
    }
  }

  /** The id inside a browser's signed session cookie. */
  private sessionIdOf(browser: string): string {
    const stored = this.jar(browser).find(this.cookieName, this.nowMs)
    const sessionId = stored && parseSignedValue(stored.value)?.id
    if (sessionId === undefined) {
      throw new Error(`scenario step: ${browser} has no session cookie ${this.cookieName}`)
    }
    return sessionId
  }
}

export async function runScenario(
  scenario: Scenario,
  driver: ServerDriver,
  side: Transcript['side'],
): Promise<Transcript> {
  try {
    return { side, steps: await new ScenarioRun(scenario, driver).play() }
  } finally {
    await driver.close()
  }
}
