import { describe, expect, it } from 'vitest'
import { createVirtualTimers } from './virtual-timers'

/** Real timers that never fire by themselves: only the virtual clock moves in these specs. */
function frozenRealTime() {
  const cleared: unknown[] = []
  return {
    platform: {
      setTimer: () => ({}),
      clearTimer: (handle: unknown) => void cleared.push(handle),
    },
    cleared,
  }
}

describe('timers due on virtual time', () => {
  it('fires a timeout once the clock passes its due time, not before, and only once', () => {
    let now = 1000
    const timers = createVirtualTimers(frozenRealTime().platform, () => now)
    const fired: number[] = []
    timers.setTimer(() => fired.push(now), 60_000, false)
    now = 50_000
    timers.clockMoved(now)
    expect(fired).toEqual([])
    now = 62_000
    timers.clockMoved(now)
    now = 200_000
    timers.clockMoved(now)
    expect(fired).toEqual([62_000])
  })

  it('runs the timers of one jump in the order they were due', () => {
    let now = 0
    const timers = createVirtualTimers(frozenRealTime().platform, () => now)
    const order: string[] = []
    timers.setTimer(() => order.push('late'), 300, false)
    timers.setTimer(() => order.push('early'), 100, false)
    now = 1000
    timers.clockMoved(now)
    expect(order).toEqual(['early', 'late'])
  })

  it('re-arms an interval from its due time, and a cleared timer never fires', () => {
    let now = 0
    const timers = createVirtualTimers(frozenRealTime().platform, () => now)
    let ticks = 0
    const interval = timers.setTimer(() => ticks++, 100, true)
    const cancelled = timers.setTimer(() => (ticks += 1000), 50, false)
    timers.clearTimer(cancelled)
    now = 100
    timers.clockMoved(now)
    now = 200
    timers.clockMoved(now)
    expect(ticks).toBe(2)
    timers.clearTimer(interval)
    now = 1000
    timers.clockMoved(now)
    expect(ticks).toBe(2)
  })
})
