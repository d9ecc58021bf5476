/**
 * What a lesson's saved progress means for the list and the player: which steps count as done,
 * which step to show, which lesson comes next. Pure.
 */
import type { Lesson, RenderedStep } from '../../lesson-loader/parse-lesson'
import type { LessonEntry, LessonSummary } from '../../lesson-loader/lesson-summary'
import type { LessonProgress } from '../../state/progress-slice'

export interface LessonStatus {
  /** Completed steps that the lesson still has (a saved id of a removed step does not count). */
  completed: number
  total: number
  done: boolean
}

export function isStepCompleted(progress: LessonProgress | undefined, stepId: string): boolean {
  return progress?.completedStepIds.includes(stepId) ?? false
}

export function lessonStatus(
  lesson: LessonSummary,
  progress: LessonProgress | undefined,
): LessonStatus {
  const completed = lesson.steps.filter((step) => isStepCompleted(progress, step.id)).length
  return { completed, total: lesson.steps.length, done: completed === lesson.steps.length }
}

export interface ResolvedStep {
  step: RenderedStep
  /** 0-based. */
  index: number
}

/** The lesson's step with this id, if it has one. */
export function findStep(lesson: Lesson, stepId: string | undefined): ResolvedStep | undefined {
  const index = lesson.steps.findIndex((step) => step.id === stepId)
  const step = lesson.steps[index]
  return step ? { step, index } : undefined
}

/** Whether the lesson has a step with this id: a deep link may name one it lacks. */
export function hasStep(lesson: LessonSummary, stepId: string): boolean {
  return lesson.steps.some((step) => step.id === stepId)
}

/**
 * The step to show: the one the link asks for, else the one the learner was on, else the
 * first. (A link to a step the lesson lacks is the router's to report: see findStep.)
 */
export function stepToShow(
  lesson: Lesson,
  requestedStepId: string | undefined,
  progress: LessonProgress | undefined,
): ResolvedStep {
  const first = lesson.steps[0]
  // The schema requires at least one step; a Lesson without one is a programming error.
  if (!first) throw new Error(`lesson ${lesson.id} has no steps`)
  return (
    findStep(lesson, requestedStepId) ??
    findStep(lesson, progress?.currentStepId) ?? { step: first, index: 0 }
  )
}

/** The next lesson in order that can be opened (broken ones are skipped). */
export function nextLessonAfter(
  lessons: readonly LessonEntry[],
  lessonId: string,
): LessonSummary | undefined {
  const at = lessons.findIndex((parsed) => (parsed.ok ? parsed.lesson.id : parsed.id) === lessonId)
  if (at === -1) return undefined
  for (const parsed of lessons.slice(at + 1)) if (parsed.ok) return parsed.lesson
  return undefined
}
