/**
 * The simulated server's time. Frozen by default (tests and differential runs need the same
 * `Expires` bytes every time); the playground lets it flow with real time. Either way it can be
 * fast-forwarded, which is how lessons show cookies and sessions expiring.
 */
export interface VirtualClockOptions {
  /** Virtual time at creation, ms since the epoch. */
  startMs?: number
  /** Whether virtual time advances with real time between explicit moves. */
  flowing?: boolean
  /** Real time source, for flowing clocks. */
  realNow?: () => number
}

export class VirtualClock {
  private baseMs: number
  private realBaseMs: number
  private flowing: boolean
  private readonly realNow: () => number
  private readonly listeners = new Set<(nowMs: number) => void>()

  constructor(options: VirtualClockOptions = {}) {
    this.realNow = options.realNow ?? (() => Date.now())
    this.flowing = options.flowing ?? false
    this.baseMs = options.startMs ?? this.realNow()
    this.realBaseMs = this.realNow()
  }

  now(): number {
    return this.flowing ? this.baseMs + (this.realNow() - this.realBaseMs) : this.baseMs
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`clock can only move forward by a finite number of ms: ${ms}`)
    }
    return this.set(this.now() + ms)
  }

  set(nowMs: number): number {
    if (!Number.isFinite(nowMs)) throw new RangeError(`clock time must be finite: ${nowMs}`)
    this.baseMs = nowMs
    this.realBaseMs = this.realNow()
    for (const listener of this.listeners) listener(nowMs)
    return nowMs
  }

  isFlowing(): boolean {
    return this.flowing
  }

  /**
   * Stops or starts virtual time running with real time, from where it is now: a paused clock
   * moves only when asked to, so nothing expires while a learner reads.
   */
  setFlowing(flowing: boolean): number {
    const nowMs = this.now()
    this.flowing = flowing
    this.baseMs = nowMs
    this.realBaseMs = this.realNow()
    return nowMs
  }

  onChange(listener: (nowMs: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
