// Every spec file loads this (vitest.config.ts, setupFiles): an exception thrown by a listener of
// the simulated server's events fails the test during which it was thrown, instead of only
// printing to the console as it does in the app (mocks/server/host/listener-errors.ts).
import { afterAll, afterEach } from 'vitest'
import { reportListenerErrorsWith } from '../../mocks/server/host/listener-errors'

const thrown: string[] = []

reportListenerErrorsWith((error, event) => {
  const description = error instanceof Error ? (error.stack ?? error.message) : String(error)
  thrown.push(`a listener of "${event.kind}" threw ${description}`)
})

function failIfAListenerThrew() {
  if (thrown.length === 0) return
  const failures = thrown.splice(0)
  throw new Error(`An engine event listener threw:\n${failures.join('\n')}`)
}

afterEach(failIfAListenerThrew)
afterAll(failIfAListenerThrew)
