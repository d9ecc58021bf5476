const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** `61s`, `15m`, `2h`, `1d` or a number of ms, as lesson files write durations. */
export function durationToMs(duration: number | string): number {
  if (typeof duration === 'number') return duration
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration)
  if (!match) throw new Error(`not a duration: ${duration}`)
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}
