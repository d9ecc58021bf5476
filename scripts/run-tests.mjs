// Runs every vitest spec once and ends the output with the line the CI harness reads:
// `N passed, N failed`. Extra arguments are passed on to vitest.
import { spawn } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodeVersionProblem } from './check-node.mjs'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reportPath = path.join(projectRoot, '.test-results', 'vitest.json')

function finish(passed, failed, exitCode) {
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(exitCode)
}

// The one Node prerequisite is package.json's `engines.node`; npm's pretest hook checks it
// before the build, and this repeats it for a direct `node scripts/run-tests.mjs`.
const nodeProblem = nodeVersionProblem()
if (nodeProblem) {
  console.error(nodeProblem)
  finish(0, 1, 1)
}

// A report left over from an earlier run must never be read as this run's result.
await rm(reportPath, { force: true })

const vitestExitCode = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportPath}`,
      ...process.argv.slice(2),
    ],
    { cwd: projectRoot, stdio: 'inherit' },
  )
  child.on('error', (error) => {
    console.error(`Could not start vitest: ${error.message}`)
    resolve(1)
  })
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
})

let report
try {
  report = JSON.parse(await readFile(reportPath, 'utf8'))
} catch (error) {
  console.error(`No vitest report at ${path.relative(projectRoot, reportPath)}: ${error.message}`)
  finish(0, 1, 1)
}

const passed = report.numPassedTests ?? 0
let failed = report.numFailedTests ?? 0
if ((report.numTotalTests ?? 0) === 0) {
  console.error('vitest ran no tests.')
  finish(0, 1, 1)
}
if (vitestExitCode !== 0 && failed === 0) {
  // Every test passed, yet vitest failed: a spec file did not load, or an error escaped a test.
  // Count it, so the closing line never reads "0 failed" for a failed run.
  console.error(`vitest exited with code ${vitestExitCode} although no test failed (see above).`)
  failed = 1
}
finish(passed, failed, vitestExitCode !== 0 || failed > 0 ? 1 : 0)
