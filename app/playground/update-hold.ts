/**
 * Holds the playground's store updates while a navigation is in flight, so that what one
 * request changes — console lines, store calls, the why, the store's contents, the exchange,
 * the jar and the page — reaches the panels in one redraw instead of one per message. React
 * renders once for all the updates of one synchronous run; a redraw in between would also keep
 * the page from answering the service worker, and so delay the very response it waits for.
 *
 * A navigation that takes long (a route on a timer, a server stuck in a loop) must not hide
 * what happens meanwhile: after `maxHoldMs` the held updates go out, and later ones go straight
 * through until the navigation ends.
 */
export class UpdateHold {
  private held: Array<() => void> | undefined
  private holders = 0
  private expiry: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly maxHoldMs: number) {}

  /** Runs `update` now, or with the others when the hold ends. */
  run(update: () => void): void {
    if (this.held) this.held.push(update)
    else update()
  }

  /**
   * Holds updates until `work` settles, then runs them and `finish` together, in order.
   * Rejections pass through after the held updates have run.
   */
  async during<T>(work: Promise<T>, finish: (result: T) => void): Promise<void> {
    this.begin()
    let result: T
    try {
      result = await work
    } catch (error) {
      this.end()
      throw error
    }
    this.run(() => finish(result))
    this.end()
  }

  private begin(): void {
    this.holders++
    if (this.holders > 1) return
    this.held = []
    this.expiry = setTimeout(() => this.release(), this.maxHoldMs)
  }

  private end(): void {
    this.holders--
    if (this.holders === 0) this.release()
  }

  private release(): void {
    clearTimeout(this.expiry)
    this.expiry = undefined
    const due = this.held ?? []
    this.held = undefined
    for (const update of due) update()
  }
}
