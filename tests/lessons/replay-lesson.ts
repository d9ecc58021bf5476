/**
 * Replays a lesson's reference walkthrough — each step's `do` actions — on the playground
 * controller and the in-process engine, and evaluates the step's checks before and after.
 */
import type { SimRequest } from '../../mocks/server'
import { toSimExchange } from '../../mocks/client'
import { playgroundStore } from '../../app/state/store'
import { startPlaygroundWithServer, stopPlaygrounds } from '../support/playground-harness'
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
  const events: ReplayEvent[] = []
  let currentProfile = ''
  const { playground } = await startPlaygroundWithServer({
    source: lesson.serverSource,
    instances: lesson.instances,
    startMs: REPLAY_START,
    freezeRealTime: true,
    send: (server) => async (request) => {
      events.push({ kind: 'request', profile: currentProfile, request })
      return toSimExchange(await server.request(request))
    },
  })
  try {
    const observe = () => observePlayground(playgroundStore.getState())
    const steps: StepReplay[] = []
    for (const step of lesson.steps) {
      const baseline = observe()
      const before = step.checks.map((check) => evaluateCheck(check, baseline, baseline))
      for (const action of step.do) {
        events.push({ kind: 'action', action })
        currentProfile = profileOf(action) ?? currentProfile
        await playground.performLessonAction(action)
      }
      const current = observe()
      steps.push({
        stepId: step.id,
        before,
        after: step.checks.map((check) => evaluateCheck(check, current, baseline)),
      })
    }
    const middleware = playgroundStore.getState().server.middlewares[0]
    return {
      steps,
      events,
      session: {
        cookieName: middleware?.name ?? 'connect.sid',
        secrets: middleware?.secrets ?? [],
      },
    }
  } finally {
    stopPlaygrounds()
  }
}

function profileOf(action: LessonAction): string | undefined {
  if ('visit' in action) return action.visit.profile
  if ('submit' in action) return action.submit.profile
  return undefined
}
