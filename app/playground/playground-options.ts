import type { SendFunction } from '../../mocks/client'
import type { ServerTransport } from '../../mocks/server'
import type { CodeEditPolicy } from '../lesson-loader/editable-region'
import type { PlaygroundState } from '../state/store'

/** The playground's one way into the zustand store (the app's store, or a test's). */
export interface StoreAccess {
  getState(): PlaygroundState
}

export interface PlaygroundOptions {
  server: ServerTransport
  send: SendFunction
  store: StoreAccess
  realNow?: () => number
}

/** How a lesson runs its server.js. */
export interface LessonServerOptions {
  /** Server instances behind the load balancer; default 1. */
  instances?: number
  /** What of server.js the learner may edit; default all of it. */
  editable?: CodeEditPolicy
  /**
   * Whether virtual time runs with real time. Default false: in a lesson the clock waits for
   * the learner, so no check depends on how fast a person reads; free play runs it.
   */
  realTimeClock?: boolean
}
