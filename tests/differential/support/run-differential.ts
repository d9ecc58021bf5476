/**
 * Runs one scenario on both sides at once and reports how they differ, plus any scenario
 * expectation that Node itself does not meet (a scenario must show what it claims to show).
 */
import { describeDifferences, renderTranscript } from './compare-transcripts'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { NodeDriver } from './node-driver'
import { normalizeTranscript, type NormalizedStep } from './normalize'
import { runScenario } from './run-scenario'
import { DEFAULT_SECRETS, isRequestStep, type Scenario } from './scenario'
import { SimDriver } from './sim-driver'
import { isHttpResponse, type ServerDriver, type Transcript } from './transcript'
import { RoundRobinDriver } from './round-robin-driver'

export interface DifferentialResult {
  node: NormalizedStep[]
  sim: NormalizedStep[]
  /** Undefined when the transcripts agree. */
  differences: string | undefined
  /** Expectations of the scenario that the Node transcript does not meet. */
  unmetExpectations: string[]
}

function checkExpectations(scenario: Scenario, node: Transcript): string[] {
  const problems: string[] = []
  scenario.steps.forEach((step, index) => {
    if (!isRequestStep(step) || !step.expect) return
    // steps[0] is the start.
    const record = node.steps[index + 1]
    const where = record?.title ?? `#${index + 1}`
    const exchange = record?.exchange
    if (!exchange || !isHttpResponse(exchange)) {
      problems.push(`${where}: expected a response, Node gave ${JSON.stringify(exchange)}`)
      return
    }
    const { status, body, setCookies } = step.expect
    if (status !== undefined && exchange.status !== status) {
      problems.push(`${where}: expected status ${status}, Node answered ${exchange.status}`)
    }
    const bodyMatches =
      body === undefined ||
      (typeof body === 'string' ? exchange.body.includes(body) : body.test(exchange.body))
    if (!bodyMatches) {
      problems.push(
        `${where}: expected body ${String(body)}, Node sent ${JSON.stringify(exchange.body)}`,
      )
    }
    const cookieCount = exchange.headers.filter(
      ([name]) => name.toLowerCase() === 'set-cookie',
    ).length
    if (setCookies !== undefined && cookieCount !== setCookies) {
      problems.push(
        `${where}: expected ${setCookies} Set-Cookie header(s), Node sent ${cookieCount}`,
      )
    }
  })
  return problems
}

function driversFor(scenario: Scenario): [node: ServerDriver, sim: ServerDriver] {
  const instances = scenario.instances ?? 1
  // Only the Node side talks to a real Redis; the runner hides the variable from server.js.
  const nodeEnv = {
    ...scenario.env,
    ...(scenario.redisUrl ? { DIFFERENTIAL_REDIS_URL: scenario.redisUrl } : {}),
    ...(scenario.databaseUrl ? { DIFFERENTIAL_DATABASE_URL: scenario.databaseUrl } : {}),
  }
  if (instances === 1)
    return [new NodeDriver(scenario.source, nodeEnv), new SimDriver(scenario.source, scenario.env)]
  const directory = mkdtemp(path.join(tmpdir(), 'differential-'))
  const nodes = Array.from(
    { length: instances },
    () => new NodeDriver(scenario.source, nodeEnv, directory),
  )
  const sims: SimDriver[] = []
  for (let index = 0; index < instances; index++) {
    sims.push(new SimDriver(scenario.source, scenario.env, () => sims[0]?.simServer))
  }
  return [new RoundRobinDriver(nodes), new RoundRobinDriver(sims)]
}

export async function runDifferential(scenario: Scenario): Promise<DifferentialResult> {
  const [nodeDriver, simDriver] = driversFor(scenario)
  const [nodeTranscript, simTranscript] = await Promise.all([
    runScenario(scenario, nodeDriver, 'node'),
    runScenario(scenario, simDriver, 'sim'),
  ])
  const secrets = scenario.secrets ?? DEFAULT_SECRETS
  const node = normalizeTranscript(nodeTranscript, secrets)
  const sim = normalizeTranscript(simTranscript, secrets)
  return {
    node,
    sim,
    differences: describeDifferences(scenario.name, node, sim),
    unmetExpectations: checkExpectations(scenario, nodeTranscript),
  }
}

export { renderTranscript }
