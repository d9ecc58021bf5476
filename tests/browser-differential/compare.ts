/**
 * Compares one case's outcomes: hop by hop (URL, Cookie header, withheld cookies with reasons,
 * blocked Set-Cookie lines with reasons), then the jars, with expiry times allowed to differ by
 * the few milliseconds between the server's answer and Chromium storing the cookie.
 */
import type { CaseOutcome } from './case-types'
import type { JarEntry } from './outcome-format'

const EXPIRY_TOLERANCE_MS = 5_000

export interface Comparable extends CaseOutcome {
  jarEntries: JarEntry[]
}

/** The differences, one line each; empty when the two browsers agree. */
export function differences(chromium: Comparable, simulated: Comparable): string[] {
  const lines: string[] = []
  const hops = Math.max(chromium.hops.length, simulated.hops.length)
  for (let index = 0; index < hops; index++) {
    const a = chromium.hops[index]
    const b = simulated.hops[index]
    if (!a || !b) {
      lines.push(`hop ${index}: only ${a ? 'Chromium' : 'the simulation'} made it`)
      continue
    }
    for (const field of ['url', 'sent', 'withheld', 'blocked'] as const) {
      const left = JSON.stringify(a[field])
      const right = JSON.stringify(b[field])
      if (left !== right) lines.push(`hop ${index} ${field}: Chromium ${left} ≠ simulated ${right}`)
    }
  }
  const left = JSON.stringify(chromium.jar)
  const right = JSON.stringify(simulated.jar)
  if (left !== right) lines.push(`jar: Chromium ${left} ≠ simulated ${right}`)
  else {
    for (const entry of chromium.jarEntries) {
      const twin = simulated.jarEntries.find((other) => other.text === entry.text)
      if (
        twin &&
        entry.expiresMs !== null &&
        twin.expiresMs !== null &&
        Math.abs(entry.expiresMs - twin.expiresMs) > EXPIRY_TOLERANCE_MS
      )
        lines.push(
          `expiry of ${entry.text}: Chromium ${new Date(entry.expiresMs).toISOString()} ≠ simulated ${new Date(twin.expiresMs).toISOString()}`,
        )
    }
  }
  return lines
}
