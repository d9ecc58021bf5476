/**
 * Runs one spec file in a vitest of its own, for specs that prove a suite fails as it should
 * (the outer run would count the failures as its own). Resolves to each test's title, status and
 * failure messages, read from that run's JSON report.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const projectRoot = path.resolve(import.meta.dirname, '../..')

export interface NestedTestResult {
  title: string
  status: string
  failureMessages: string[]
}

export async function runNestedVitest(
  specFile: string,
  env: Record<string, string>,
): Promise<NestedTestResult[]> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'nested-vitest-'))
  const report = path.join(workDir, 'report.json')
  try {
    // The run is expected to fail; its report says how.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        specFile,
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: projectRoot, env: { ...process.env, ...env } },
    ).catch(() => undefined)
    const parsed = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: Array<{ assertionResults: NestedTestResult[] }>
    }
    return parsed.testResults.flatMap((file) => file.assertionResults)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}
