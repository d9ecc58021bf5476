/**
 * Reads that never overlap. A read asked for while one is in flight waits for a single further
 * read, which then stands for every ask made meanwhile (it gets the newest of their tags) and
 * comes `spacingMs` after the one before: asked once, a read happens at once; asked a thousand
 * times in a burst, a few reads a second happen.
 */
export class CoalescedReads<Tag> {
  private inFlight: Promise<void> | undefined
  private queued: { promise: Promise<void>; tag: Tag | undefined } | undefined

  constructor(
    private readonly read: (tag: Tag | undefined) => Promise<void>,
    private readonly newest: (a: Tag, b: Tag) => Tag,
    private readonly spacingMs: number,
  ) {}

  ask(tag?: Tag): Promise<void> {
    if (!this.inFlight) {
      const read = this.read(tag).finally(() => {
        if (this.inFlight === read) this.inFlight = undefined
      })
      this.inFlight = read
      return read
    }
    const queued = this.queued
    if (queued) {
      if (tag !== undefined)
        queued.tag = queued.tag === undefined ? tag : this.newest(queued.tag, tag)
      return queued.promise
    }
    const next: { promise: Promise<void>; tag: Tag | undefined } = {
      tag,
      promise: this.inFlight
        .catch(() => undefined)
        .then(() => new Promise((resolve) => setTimeout(resolve, this.spacingMs)))
        .then((): Promise<void> => {
          this.queued = undefined
          return this.ask(next.tag)
        }),
    }
    this.queued = next
    return next.promise
  }
}
