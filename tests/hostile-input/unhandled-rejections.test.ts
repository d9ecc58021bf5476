/**
 * A promise rejected with no handler crashes the simulated server as Node 15+ crashes a process,
 * and never the host that runs it. Through the Node API the host is this very process, so each
 * case runs in a child Node process on the built API (build/server/api.js): the child's exit is
 * the host's fate.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const api = fileURLToPath(new URL('../../build/server/api.js', import.meta.url))

interface ChildOutcome {
  exitCode: number | null
  report: {
    status: string
    body: string
    state: string
    console: string[]
    afterRestart: string
    hostRejectionSeen?: string
  }
}

/** Runs a server whose GET /reject runs `route` and answers, in a child Node process. */
function runInChild(route: string, { hostRejection = false } = {}): Promise<ChildOutcome> {
  const script = `
import { createSimServer } from ${JSON.stringify(api)}
const consoleLines = []
const server = await createSimServer({
  source: \`const express = require('express')
const app = express()
app.get('/reject', (req, res) => { ${route}; res.send('answered') })
app.get('/', (req, res) => res.send('home'))
module.exports = app\`,
  onEvent: (event) => { if (event.kind === 'console') consoleLines.push(event.text) },
})
const first = await server.request({ path: '/reject' })
await new Promise((resolve) => setTimeout(resolve, 50))
const state = server.state
await server.restart()
const after = await server.request({ path: '/' })
let hostRejectionSeen
if (${hostRejection}) {
  process.on('unhandledRejection', (reason) => { hostRejectionSeen = String(reason) })
  Promise.reject(new Error('the host its own'))
  await new Promise((resolve) => setTimeout(resolve, 20))
}
server.close()
console.log(JSON.stringify({
  status: first.ok ? String(first.status) : first.error.code,
  body: first.ok ? first.body : first.error.message,
  state,
  console: consoleLines,
  afterRestart: after.ok ? after.body : after.error.message,
  hostRejectionSeen,
}))
`
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (error, stdout) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      const lastLine = stdout.trim().split('\n').at(-1) ?? '{}'
      resolve({ exitCode, report: JSON.parse(lastLine) as ChildOutcome['report'] })
    })
  })
}

describe('a rejection nobody handles, through the Node API', () => {
  it('crashes the simulated server with Node’s report, and the host process lives on', async () => {
    const { exitCode, report } = await runInChild("Promise.reject(new Error('boom'))")
    expect(exitCode).toBe(0)
    expect(report.state).toBe('crashed')
    expect(report.body).toMatch(/answered|The server crashed: Error: boom/)
    expect(report.console.join('\n')).toMatch(/Error: boom[\s\S]*Node\.js v24/)
    expect(report.afterRestart).toBe('home')
  })

  it('crashes it too when a fetch() nobody awaits fails, as Node exits on it', async () => {
    const { exitCode, report } = await runInChild("fetch('http://127.0.0.1:4999/x')")
    expect(exitCode).toBe(0)
    expect(report.state).toBe('crashed')
    expect(report.console.join('\n')).toMatch(/TypeError: fetch failed[\s\S]*Node\.js v24/)
  })

  it('wraps a reason that is not an Error as Node does (ERR_UNHANDLED_REJECTION)', async () => {
    const { exitCode, report } = await runInChild("Promise.reject('plain words')")
    expect(exitCode).toBe(0)
    expect(report.console.join('\n')).toMatch(
      /UnhandledPromiseRejection: .*The promise rejected with the reason "'plain words'"/,
    )
  })

  it('leaves the server running when it listens for unhandledRejection itself', async () => {
    const { report } = await runInChild(
      "process.on('unhandledRejection', (reason) => console.log('seen', reason.message)); Promise.reject(new Error('boom'))",
    )
    expect(report.state).toBe('running')
    expect(report.body).toBe('answered')
    expect(report.console).toContain('seen boom')
  })

  it('leaves the host’s own rejections to the host', async () => {
    const { exitCode, report } = await runInChild('', { hostRejection: true })
    expect(exitCode).toBe(0)
    expect(report.hostRejectionSeen).toBe('Error: the host its own')
    expect(report.state).toBe('running')
  })
})
