/**
 * Reads the amount a learner types to fast-forward the virtual clock: "90s", "15m", "2h", "1d",
 * "1h 30m", or a plain number of milliseconds ("1500"), as express-session's `maxAge` is written.
 * Typed input is untrusted: it never throws, it says what is wrong.
 */
export type DurationResult = { ok: true; ms: number } | { ok: false; reason: string }

const UNIT_MS = {
  ms: 1,
  s: 1000,
  m: 60 * 1000,
  min: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
} as const

type Unit = keyof typeof UNIT_MS

/** Ten years: far past any cookie a lesson sets, well short of where Date stops. */
export const MAX_DURATION_MS = 10 * 365 * UNIT_MS.d

const PLAIN_MS = /^\d+$/
const PART = /(\d+(?:\.\d+)?)\s*(ms|min|s|m|h|d)/gy

const EXAMPLES = 'Try 90s, 15m, 2h, 1d, 1h 30m, or a number of milliseconds.'

export function parseDuration(text: string): DurationResult {
  const trimmed = text.trim().toLowerCase()
  if (trimmed === '') return { ok: false, reason: `Type an amount of time. ${EXAMPLES}` }
  if (trimmed.startsWith('-'))
    return { ok: false, reason: 'The clock only moves forward: type a positive amount.' }
  let ms = 0
  if (PLAIN_MS.test(trimmed)) {
    ms = Number(trimmed)
  } else {
    const compact = trimmed.replace(/\s+(?=\d)/g, '')
    PART.lastIndex = 0
    let end = 0
    for (let match = PART.exec(compact); match; match = PART.exec(compact)) {
      ms += Number(match[1]) * UNIT_MS[match[2] as Unit]
      end = PART.lastIndex
    }
    if (end === 0 || end !== compact.length)
      return { ok: false, reason: `“${text.trim()}” is not an amount of time. ${EXAMPLES}` }
  }
  ms = Math.round(ms)
  if (ms <= 0) return { ok: false, reason: 'That is no time at all: type a positive amount.' }
  if (ms > MAX_DURATION_MS)
    return { ok: false, reason: 'That is more than ten years: type a smaller amount.' }
  return { ok: true, ms }
}
