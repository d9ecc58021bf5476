import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../..')

interface AssertionResult {
  title: string
  status: string
  failureMessages: string[]
}

describe('the suites, when an engine event listener throws during a test', () => {
  let workDir: string
  let results: AssertionResult[]

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'listener-errors-'))
    const report = path.join(workDir, 'report.json')
    // The fixture run is expected to fail; its report says how.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        'tests/support/listener-error-fixture.test.ts',
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: projectRoot, env: { ...process.env, LISTENER_ERROR_FIXTURE: '1' } },
    ).catch(() => undefined)
    const parsed = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: Array<{ assertionResults: AssertionResult[] }>
    }
    results = parsed.testResults.flatMap((file) => file.assertionResults)
  }, 60_000)

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true })
  })

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
