/**
 * The realm's timers on two clocks at once. A timer fires once its delay has passed in real
 * time (so a short `setTimeout` still fires while the virtual clock stands still) or in virtual
 * time (so fast-forwarding the playground's clock runs what was due: connect-pg-simple's prune,
 * a learner's `setInterval`). Overdue timers of one jump run in the order they were due.
 */
import type { HostPlatform } from './host-platform'

interface VirtualTimer {
  callback: () => void
  delayMs: number
  repeat: boolean
  /** Virtual time at which it is due next. */
  dueMs: number
  realHandle: unknown
}

export interface VirtualTimers {
  setTimer(callback: () => void, delayMs: number, repeat: boolean): unknown
  clearTimer(handle: unknown): void
  /** The virtual clock moved (to `nowMs`): run whatever became due. */
  clockMoved(nowMs: number): void
}

export function createVirtualTimers(
  platform: Pick<HostPlatform, 'setTimer' | 'clearTimer'>,
  now: () => number,
): VirtualTimers {
  const live = new Set<VirtualTimer>()

  const armReal = (timer: VirtualTimer) => {
    timer.realHandle = platform.setTimer(() => fire(timer), timer.delayMs, false)
  }
  function fire(timer: VirtualTimer): void {
    if (!live.has(timer)) return
    platform.clearTimer(timer.realHandle)
    if (timer.repeat) {
      timer.dueMs = Math.max(timer.dueMs + timer.delayMs, now())
      armReal(timer)
    } else live.delete(timer)
    timer.callback()
  }

  return {
    setTimer(callback, delayMs, repeat) {
      const timer: VirtualTimer = {
        callback,
        delayMs,
        repeat,
        dueMs: now() + delayMs,
        realHandle: undefined,
      }
      live.add(timer)
      armReal(timer)
      return timer
    },
    clearTimer(handle) {
      const timer = handle as VirtualTimer
      if (!live.delete(timer)) return
      platform.clearTimer(timer.realHandle)
    },
    clockMoved(nowMs) {
      const due = [...live].filter((timer) => timer.dueMs <= nowMs)
      due.sort((a, b) => a.dueMs - b.dueMs)
      for (const timer of due) fire(timer)
    },
  }
}
