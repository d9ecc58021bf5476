import { describe, expect, it } from 'vitest'
import { VirtualClock } from './virtual-clock'

describe('VirtualClock', () => {
  it('pauses where it stands and runs on from there when it flows again', () => {
    let realMs = 1_000_000
    const clock = new VirtualClock({ startMs: 5_000, flowing: true, realNow: () => realMs })
    realMs += 2_000
    expect(clock.setFlowing(false)).toBe(7_000)
    realMs += 60_000
    expect(clock.now()).toBe(7_000)
    expect(clock.advance(1_000)).toBe(8_000)
    clock.setFlowing(true)
    realMs += 500
    expect(clock.now()).toBe(8_500)
    expect(clock.isFlowing()).toBe(true)
  })
})
