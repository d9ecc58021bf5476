// @vitest-environment jsdom
/**
 * No check may depend on how fast a person reads: lesson 6 (expiry) is walked through with a
 * minute of real time between every action and before every check, and every step still turns
 * green, because a lesson's clock moves only when the learner or a step moves it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { evaluateCheck } from '../../app/lesson-loader/evaluate-check'
import { observePlayground } from '../../app/lesson-loader/observe-playground'
import { playgroundStore } from '../../app/state/store'
import { okLesson, readLesson } from '../support/lesson-fixtures'
import { startPlaygroundWithServer, stopPlaygrounds } from '../support/playground-harness'

const A_MINUTE_OF_READING = 60_000

afterEach(() => stopPlaygrounds())

describe('lesson 6 for a slow reader', () => {
  it('turns every step green with a minute of real time before each action and check', async () => {
    const lesson = okLesson(readLesson('06-expiry'))
    let realMs = Date.UTC(2030, 0, 1)
    const { playground } = await startPlaygroundWithServer({ realNow: () => realMs })
    await playground.lessonServer.load(lesson.id, lesson.serverSource, {
      instances: lesson.instances,
    })

    const failing: string[] = []
    for (const step of lesson.steps) {
      const baseline = observePlayground(playgroundStore.getState())
      for (const action of step.do) {
        realMs += A_MINUTE_OF_READING
        await playground.performLessonAction(action)
      }
      realMs += A_MINUTE_OF_READING
      const current = observePlayground(playgroundStore.getState())
      for (const check of step.checks) {
        const result = evaluateCheck(check, current, baseline)
        if (!result.passed) failing.push(`${step.id}: ${result.label} (${result.detail})`)
      }
    }
    expect(failing).toEqual([])
  })
})
