/**
 * The simulated browser against real Chromium, on every case of corpus.json: the cookies each
 * request carried, those held back and why, the Set-Cookie lines refused and why, and the jar.
 * Prints `N cases, N agree`; a disagreement fails the spec unless README.md lists the case with
 * its reason.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCaseServer, type CaseServer } from './case-server'
import type { Corpus } from './case-types'
import { differences } from './compare'
import { runInChromium, type ChromiumOutcome } from './run-chromium'
import { runSimulated } from './run-simulated'
import { reasonRows } from './reasons-doc'

const saved = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as Corpus
// BROWSER_DIFF_CASES=40 runs only the first cases, while working on the jar.
const limit = Number(process.env.BROWSER_DIFF_CASES) || saved.cases.length
const corpus = { ...saved, cases: saved.cases.slice(0, limit) }

/** `| c123 | why |` rows of the README's "Remaining differences" table. */
function knownDifferences(): Map<string, string> {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8')
  const section = readme.split(/^## Remaining differences$/m)[1]?.split(/^## /m)[0] ?? ''
  const rows = new Map<string, string>()
  for (const match of section.matchAll(/^\| (c\d+) \| (.+?) \|$/gm))
    rows.set(match[1]!, match[2]!.trim())
  return rows
}

/** Each reason Chromium gave, by kind (`set:SecureOnly`, `request:NotOnPath`), with its cases. */
function reasonExamples(): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>()
  const note = (kind: string, line: string, id: string) => {
    for (const name of line.slice(line.lastIndexOf(': ') + 2).split(', ')) {
      const key = `${kind}:${name}`
      seen.set(key, (seen.get(key) ?? new Set()).add(id))
    }
  }
  chromium.forEach((outcome, index) => {
    const id = corpus.cases[index]!.id
    for (const hop of outcome.hops) {
      for (const line of hop.withheld) note('request', line, id)
      for (const line of hop.blocked) note('set', line, id)
    }
  })
  return seen
}

let server: CaseServer
let chromium: ChromiumOutcome[]

beforeAll(async () => {
  server = await startCaseServer(corpus.cases)
  chromium = await runInChromium(corpus.cases, server)
}, 180_000)

afterAll(async () => {
  await server?.close()
})

describe('the simulated browser against Chromium', () => {
  it('shows each reason of docs/cookie-reasons.md in the corpus case the table names', () => {
    const doc = readFileSync(new URL('../../docs/cookie-reasons.md', import.meta.url), 'utf8')
    const seen = reasonExamples()
    const named = reasonRows(doc).filter((row) => /^`c\d+`$/.test(row.chromium))
    expect(named.length).toBeGreaterThan(0)
    if (corpus.cases.length < saved.cases.length) return
    for (const row of named)
      expect(
        [...(seen.get(`${row.kind}:${row.reason}`) ?? [])],
        `${row.reason} in ${row.chromium}`,
      ).toContain(row.chromium.replaceAll('`', ''))
  })

  it('decides every case of the corpus as Chromium does', async () => {
    const known = knownDifferences()
    const unexplained: string[] = []
    let agree = 0
    for (const [index, testCase] of corpus.cases.entries()) {
      const simulated = await runSimulated(testCase, index, server.log)
      const diff = differences(chromium[index]!, simulated)
      if (diff.length === 0) agree++
      else if (!known.has(testCase.id))
        unexplained.push(
          `${testCase.id} (${testCase.topic}) ${JSON.stringify(testCase.navigations)}\n  ${diff.join('\n  ')}`,
        )
    }
    console.log(`${corpus.cases.length} cases, ${agree} agree`)
    if (process.env.DIFF_OUT) {
      const { writeFileSync } = await import('node:fs')
      writeFileSync(process.env.DIFF_OUT, unexplained.join('\n\n'))
      const examples = Object.fromEntries(
        [...reasonExamples()].map(([key, ids]) => [key, [...ids].slice(0, 5)]),
      )
      writeFileSync(`${process.env.DIFF_OUT}.reasons.json`, JSON.stringify(examples, null, 1))
    }
    expect(unexplained.slice(0, 5).join('\n\n')).toBe('')
    // Every listed difference must still be one: a fixed case leaves the README.
    for (const id of known.keys()) {
      const index = corpus.cases.findIndex((c) => c.id === id)
      expect(index, `README lists ${id}, which is not in the corpus`).toBeGreaterThanOrEqual(0)
    }
  }, 60_000)
})
