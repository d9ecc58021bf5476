/**
 * Replays a lesson's reference walkthrough — each step's `do` actions — on the playground
 * controller and the in-process engine, and evaluates the step's checks before and after.
 */
import createRealm from '../../build/realm/realm.js'
import { createInProcessTransport } from '../../mocks/server/host/in-process-transport'
import { createHostPlatform } from '../../mocks/server/host/host-platform'
import { VirtualClock } from '../../mocks/server/host/virtual-clock'
import type { SimRequest } from '../../mocks/server/realm/realm-types'
import { toSimExchange } from '../../mocks/sim-http'
import { Playground } from '../../app/playground/playground'
import { performLessonAction } from '../../app/playground/perform-lesson-action'
import { usePlaygroundStore } from '../../app/state/store'
import { evaluateCheck, type CheckResult } from '../../app/lesson-loader/evaluate-check'
import { observePlayground } from '../../app/lesson-loader/observe-playground'
import type { Lesson } from '../../app/lesson-loader/parse-lesson'
import type { LessonAction } from '../../app/lesson-loader/lesson-schema'

export const REPLAY_START = Date.UTC(2030, 0, 1)

export interface StepReplay {
  stepId: string
  before: CheckResult[]
  after: CheckResult[]
}

/** Everything the server saw, in order, so the same walkthrough can be replayed on real Node. */
export type ReplayEvent =
  | { kind: 'request'; profile: string; request: SimRequest }
  | { kind: 'action'; action: LessonAction }

export interface LessonReplay {
  steps: StepReplay[]
  events: ReplayEvent[]
  /** The session cookie's name and secrets, as the lesson's server configured them. */
  session: { cookieName: string; secrets: string[] }
}

export async function replayLesson(lesson: Lesson): Promise<LessonReplay> {
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  const clock = new VirtualClock({ startMs: REPLAY_START })
  const server = createInProcessTransport({ createRealm, platform: createHostPlatform(), clock })
  const events: ReplayEvent[] = []
  let currentProfile = ''
  const playground = new Playground({
    server,
    send: async (request) => {
      events.push({ kind: 'request', profile: currentProfile, request })
      return toSimExchange(await server.request(request))
    },
    store: usePlaygroundStore,
    realNow: () => clock.now(),
  })
  try {
    await playground.startServer(lesson.serverSource, lesson.instances)
    const observe = () => observePlayground(usePlaygroundStore.getState())
    const steps: StepReplay[] = []
    for (const step of lesson.steps) {
      const baseline = observe()
      const before = step.checks.map((check) => evaluateCheck(check, baseline, baseline))
      for (const action of step.do) {
        events.push({ kind: 'action', action })
        currentProfile = profileOf(action) ?? currentProfile
        await performLessonAction(playground, () => usePlaygroundStore.getState(), action)
      }
      const current = observe()
      steps.push({
        stepId: step.id,
        before,
        after: step.checks.map((check) => evaluateCheck(check, current, baseline)),
      })
    }
    const middleware = usePlaygroundStore.getState().server.middlewares[0]
    return {
      steps,
      events,
      session: {
        cookieName: middleware?.name ?? 'connect.sid',
        secrets: middleware?.secrets ?? [],
      },
    }
  } finally {
    playground.dispose()
    server.dispose()
  }
}

function profileOf(action: LessonAction): string | undefined {
  if ('visit' in action) return action.visit.profile
  if ('submit' in action) return action.submit.profile
  return undefined
}
