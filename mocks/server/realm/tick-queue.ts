/**
 * process.nextTick's queue. Node empties it when the current event-loop callback returns,
 * before any promise reactions that callback queued; runGuarded (the entry of every callback)
 * calls drainTicks to do the same. A microtask drain catches ticks queued from microtasks.
 */
const queue: Array<() => void> = []
let draining = false
let fallbackScheduled = false

export function queueTick(tick: () => void): void {
  queue.push(tick)
  if (!fallbackScheduled) {
    fallbackScheduled = true
    void Promise.resolve().then(() => {
      fallbackScheduled = false
      drainTicks()
    })
  }
}

export function drainTicks(): void {
  if (draining) return
  draining = true
  try {
    for (let tick = queue.shift(); tick; tick = queue.shift()) tick()
  } finally {
    draining = false
  }
}
