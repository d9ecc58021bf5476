/**
 * Which code the playground's server runs. Opening a lesson starts its server.js on a clean slate
 * (empty jars, logs and store; the clock back at real time), unless the server already runs that
 * lesson's code: coming back to a lesson keeps what the learner did, and their edits.
 * `server.codeOrigin` names whose code runs (a lesson id, or "sample" for free play); the
 * server controls keep edits under it.
 */
import type { Playground } from '../../playground/playground'
import type { LessonServerOptions } from '../../playground/playground-options'
import type { PlaygroundState } from '../../state/store'

interface Load {
  origin: string
  done: Promise<void>
}

/** One load at a time per playground; asking again for the same origin joins it. */
const loads = new WeakMap<Playground, Load>()

export function isServerRunning(
  playground: Playground,
  state: PlaygroundState,
  origin: string,
  source: string,
): boolean {
  if (loads.has(playground)) return false
  return state.server.codeOrigin === origin && state.server.originalSource === source
}

/** Starts `source` on a clean slate, always: "Reset lesson". */
export function loadServer(
  playground: Playground,
  getState: () => PlaygroundState,
  origin: string,
  source: string,
  options: LessonServerOptions = {},
): Promise<void> {
  const pending = loads.get(playground)
  // Set first, so the server controls key the learner's edits by this origin at once.
  getState().updateServer({ codeOrigin: origin })
  const done = (pending?.done ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => playground.loadServerCode(source, origin, options))
    .finally(() => {
      if (loads.get(playground)?.done === done) loads.delete(playground)
    })
  loads.set(playground, { origin, done })
  return done
}

/** Makes the server run `source` as `origin`, loading it only if it does not already. */
export function ensureServerRuns(
  playground: Playground,
  getState: () => PlaygroundState,
  origin: string,
  source: string,
  options: LessonServerOptions = {},
): Promise<void> {
  const pending = loads.get(playground)
  if (pending?.origin === origin) return pending.done
  if (isServerRunning(playground, getState(), origin, source)) return Promise.resolve()
  return loadServer(playground, getState, origin, source, options)
}
