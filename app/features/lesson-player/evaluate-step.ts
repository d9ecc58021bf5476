/**
 * A step's checks against an observation. Pure. A check that cannot be evaluated (a lesson
 * author's mistake the schema could not catch) fails with a reason instead of breaking the page.
 */
import {
  evaluateCheck,
  type CheckResult,
  type LessonObservation,
} from '../../lesson-loader/evaluate-check'
import type { LessonStep } from '../../lesson-loader/lesson-schema'

export interface StepEvaluation {
  results: CheckResult[]
  /** Every check passes: the step is complete. */
  passed: boolean
}

export function evaluateStep(
  step: LessonStep,
  observation: LessonObservation,
  baseline: LessonObservation,
): StepEvaluation {
  const results = step.checks.map((check, index): CheckResult => {
    try {
      return evaluateCheck(check, observation, baseline)
    } catch (error) {
      return {
        passed: false,
        label: check.label ?? `Check ${index + 1}`,
        detail: `This check could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  })
  return { results, passed: results.every((result) => result.passed) }
}
