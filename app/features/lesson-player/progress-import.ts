/**
 * What importing a progress file would change, worked out before anything is replaced: the
 * lessons and steps this playground has are taken, the others are skipped and named, and each
 * lesson's completed steps before and after are listed for the learner to confirm.
 */
import type { Progress } from '../../state/progress-slice'

export interface KnownLesson {
  id: string
  title: string
  steps: ReadonlyArray<{ id: string }>
}

export interface LessonChange {
  lessonId: string
  title: string
  completedBefore: number
  completedAfter: number
}

export interface ImportPlan {
  /** The progress the import would leave: the file's, for the lessons and steps known here. */
  next: Progress
  changes: LessonChange[]
  /** `99-unknown (no such lesson)`, `01-first-session: old-step (no such step)`. */
  skipped: string[]
}

export function planImport(
  imported: Progress,
  known: readonly KnownLesson[],
  current: Progress,
): ImportPlan {
  const byId = new Map(known.map((lesson) => [lesson.id, lesson]))
  const next: Progress = {}
  const skipped: string[] = []
  for (const [lessonId, entry] of Object.entries(imported)) {
    const lesson = byId.get(lessonId)
    if (!lesson) {
      skipped.push(`${lessonId} (no such lesson)`)
      continue
    }
    const stepIds = new Set(lesson.steps.map((step) => step.id))
    for (const stepId of entry.completedStepIds)
      if (!stepIds.has(stepId)) skipped.push(`${lessonId}: ${stepId} (no such step)`)
    const completedStepIds = entry.completedStepIds.filter((stepId) => stepIds.has(stepId))
    const current = entry.currentStepId
    next[lessonId] =
      current !== undefined && stepIds.has(current)
        ? { completedStepIds, currentStepId: current }
        : { completedStepIds }
  }
  const changes = known
    .filter((lesson) => lesson.id in next || lesson.id in current)
    .map((lesson) => ({
      lessonId: lesson.id,
      title: lesson.title,
      completedBefore: current[lesson.id]?.completedStepIds.length ?? 0,
      completedAfter: next[lesson.id]?.completedStepIds.length ?? 0,
    }))
    .filter((change) => change.completedBefore !== change.completedAfter || change.lessonId in next)
  return { next, changes, skipped }
}
