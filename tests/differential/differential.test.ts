/**
 * The differential suite: every scenario runs on plain Node (a child process with the real
 * express, express-session and cookie-parser) and through our simulated runtime, and the two
 * transcripts must agree. See support/scenario.ts for the format and support/normalize.ts for
 * what is normalized and why.
 */
import { describe, expect, it } from 'vitest'
import { scenarios } from './scenarios'
import { createLimiter } from './support/limit-concurrency'
import { renderTranscript, runDifferential } from './support/run-differential'

const limit = createLimiter(3)
/** DIFFERENTIAL_SHOW=<part of a scenario name> prints both transcripts of matching scenarios. */
const show = process.env.DIFFERENTIAL_SHOW

describe('differential: Node and the simulated runtime give the same transcript', () => {
  it('has at least 40 scenarios, each with a unique name', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40)
    expect(new Set(scenarios.map((scenario) => scenario.name)).size).toBe(scenarios.length)
  })

  for (const scenario of scenarios) {
    it.concurrent(
      scenario.name,
      async () => {
        const result = await limit(() => runDifferential(scenario))
        if (show && scenario.name.includes(show)) {
          console.log(`--- node: ${scenario.name}\n${renderTranscript(result.node)}`)
          console.log(`--- sim: ${scenario.name}\n${renderTranscript(result.sim)}`)
        }
        expect(
          result.unmetExpectations,
          'the scenario does not show what it claims on Node',
        ).toEqual([])
        if (result.differences) expect.fail(result.differences)
      },
      30_000,
    )
  }
})
