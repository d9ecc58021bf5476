/** How the clock toolbar writes virtual time and its distance from real time. */

const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** "Tue, 3 Jun 2025, 14:05:09" in the learner's locale. */
export function formatVirtualTime(epochMs: number): string {
  return DATE_TIME.format(epochMs)
}

const UNITS = [
  { name: 'day', seconds: 86_400, plural: 'days' },
  { name: 'h', seconds: 3_600, plural: 'h' },
  { name: 'min', seconds: 60, plural: 'min' },
  { name: 's', seconds: 1, plural: 's' },
] as const

/** "1 day 2 h", "15 min", "45 s": the two largest units, to the second. */
export function formatDuration(ms: number): string {
  let seconds = Math.round(Math.abs(ms) / 1000)
  const parts: string[] = []
  for (const unit of UNITS) {
    const count = Math.floor(seconds / unit.seconds)
    seconds -= count * unit.seconds
    if (count > 0) parts.push(`${count} ${count === 1 ? unit.name : unit.plural}`)
  }
  return parts.slice(0, 2).join(' ') || '0 s'
}

/** Where the virtual clock stands against the learner's own clock, in words. */
export function describeClockOffset(offsetMs: number): string {
  if (Math.abs(offsetMs) < 1000) return 'in step with real time'
  return `${formatDuration(offsetMs)} ${offsetMs > 0 ? 'ahead of' : 'behind'} real time`
}
