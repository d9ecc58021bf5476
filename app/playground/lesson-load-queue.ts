/**
 * Which code the playground's server runs. Opening a lesson starts its server.js on a clean slate
 * (empty jars, logs and store; the clock back at real time), unless the server already runs that
 * lesson's code: coming back to a lesson keeps what the learner did, and their edits.
 * `server.codeOrigin` names whose code runs (a lesson id, or "sample" for free play); the
 * server controls keep edits under it. The Playground owns one queue: one load at a time, and
 * asking again for the same origin joins the load under way.
 */
import type { LessonServerOptions } from './playground-options'
import type { PlaygroundState } from '../state/store'

interface Load {
  origin: string
  done: Promise<void>
}

type LoadCode = (source: string, origin: string, options: LessonServerOptions) => Promise<void>

export class LessonLoadQueue {
  private pending: Load | undefined

  constructor(
    private readonly state: () => PlaygroundState,
    private readonly loadCode: LoadCode,
  ) {}

  isRunning(origin: string, source: string): boolean {
    if (this.pending) return false
    const { server } = this.state()
    return server.codeOrigin === origin && server.originalSource === source
  }

  /** Starts `source` on a clean slate, always: "Reset lesson". */
  load(origin: string, source: string, options: LessonServerOptions = {}): Promise<void> {
    const before = this.pending
    // Set first, so the server controls key the learner's edits by this origin at once.
    this.state().updateServer({ codeOrigin: origin })
    const done: Promise<void> = (before?.done ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.loadCode(source, origin, options))
      .finally(() => {
        if (this.pending?.done === done) this.pending = undefined
      })
    this.pending = { origin, done }
    return done
  }

  /** Makes the server run `source` as `origin`, loading it only if it does not already. */
  ensure(origin: string, source: string, options: LessonServerOptions = {}): Promise<void> {
    if (this.pending?.origin === origin) return this.pending.done
    if (this.isRunning(origin, source)) return Promise.resolve()
    return this.load(origin, source, options)
  }
}
