import { beforeAll, describe, expect, it } from 'vitest'
import { runNestedVitest, type NestedTestResult } from './run-nested-vitest'

describe('the suites, when an engine event listener throws during a test', () => {
  let results: NestedTestResult[]

  beforeAll(async () => {
    results = await runNestedVitest('tests/support/listener-error-fixture.test.ts', {
      LISTENER_ERROR_FIXTURE: '1',
    })
  }, 60_000)

  it('fails that test, and only that one', () => {
    expect(results.map(({ title, status }) => ({ title, status }))).toEqual([
      { title: 'throws in a listener of the clock event', status: 'failed' },
      { title: 'comes next and throws nothing', status: 'passed' },
    ])
  })

  it("names the event and the listener's exception", () => {
    const message = results[0]?.failureMessages.join('\n') ?? ''
    expect(message).toContain('An engine event listener threw')
    expect(message).toContain('a listener of "clock" threw TypeError: listener bug')
  })
})
