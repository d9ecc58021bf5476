/**
 * docs/cookie-reasons.md against the code: a row for every reason the simulated browser can
 * give (and none it cannot), each example played through the jar gives its reason, and each
 * sentence is the one the learner reads.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BrowserCookieJar, type OutgoingCookies } from '../../mocks/client/cookie-jar'
import { REQUEST_COOKIE_REASONS, SET_COOKIE_REASONS } from '../../mocks/client/cookie-reasons'
import { expandLine } from './case-types'
import { reasonRows } from './reasons-doc'

const DOC = readFileSync(new URL('../../docs/cookie-reasons.md', import.meta.url), 'utf8')

const rows = reasonRows(DOC)
const setRows = rows.filter((row) => row.kind === 'set')
const requestRows = rows.filter((row) => row.kind === 'request')

/** `a={v*4096}` → 4096 `v`s; `\x01` → the control character. */
function expand(line: string): string {
  return expandLine(line).replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

type Outcome = { setReasons: string[]; outgoing: OutgoingCookies | undefined }

/** Plays an example; the outcome of its last step. */
function play(example: string): Outcome {
  let now = Date.UTC(2030, 0, 1)
  const jar = new BrowserCookieJar(() => now)
  let outcome: Outcome = { setReasons: [], outgoing: undefined }
  for (const step of example.split(', then ')) {
    const response = /^`(.*)` from `(\S+)`$/.exec(step)
    const request = /^`(GET|POST) (\S+)` from (?:`(\S+)`|the address bar)$/.exec(step)
    if (step === '3 minutes later') now += 3 * 60 * 1000
    else if (request) {
      const [, method = '', url = '', initiator] = request
      const context = { initiator: initiator ?? null, topLevel: true, method }
      outcome = { setReasons: [], outgoing: jar.outgoing(url, context) }
    } else if (response) {
      const [verdict] = jar.receive([expand(response[1]!)], response[2]!)
      const reasons = verdict?.outcome === 'rejected' ? verdict.reasons : []
      outcome = { setReasons: reasons, outgoing: undefined }
    } else throw new Error(`docs/cookie-reasons.md: cannot read the example step "${step}"`)
  }
  return outcome
}

describe('docs/cookie-reasons.md', () => {
  it('has one row for every reason a refused Set-Cookie line can get, and no other', () => {
    expect(setRows.map((row) => row.reason).sort()).toEqual(Object.keys(SET_COOKIE_REASONS).sort())
  })

  it('has one row for every reason a cookie can be withheld from a request, and no other', () => {
    expect(requestRows.map((row) => row.reason).sort()).toEqual(
      Object.keys(REQUEST_COOKIE_REASONS).sort(),
    )
  })

  it.each(setRows)('shows $reason with an example that produces it, and our sentence', (row) => {
    expect(play(row.example).setReasons).toEqual([row.reason])
    expect(row.sentence).toBe(SET_COOKIE_REASONS[row.reason as keyof typeof SET_COOKIE_REASONS])
  })

  it.each(requestRows)(
    'shows $reason with an example that produces it, and our sentence',
    (row) => {
      const { outgoing } = play(row.example)
      expect(outgoing?.withheld.map((withheld) => withheld.reasons)).toEqual([[row.reason]])
      expect(outgoing?.header).toBeUndefined()
      expect(row.sentence).toBe(
        REQUEST_COOKIE_REASONS[row.reason as keyof typeof REQUEST_COOKIE_REASONS],
      )
    },
  )
})
