// zod/mini: the same checks at a fraction of the bytes in the page bundle.
import * as z from 'zod/mini'
import type { SliceCreator } from './slice'

/**
 * The learner's progress through the lessons: per lesson, the steps whose checks all passed and
 * the step they are on. Persisted with the preferences (see store.ts) under its own `version`,
 * validated on read; the same schema checks an imported progress file.
 *
 * Bump PROGRESS_VERSION when the shape changes incompatibly; saved values of another version are
 * discarded with a notice.
 */
export const PROGRESS_VERSION = 1

/** Lesson ids are lesson folder names, `NN-slug` (see lesson-loader/parse-lesson.ts). */
const lessonIdSchema = z
  .string()
  .check(z.regex(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a lesson id such as 01-first-session'))
const stepIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]+$/, 'is not a step id such as first-visit'), z.maxLength(100))

export const lessonProgressSchema = z.strictObject({
  /** Steps whose checks all passed at some point; kept when the lesson is reset. */
  completedStepIds: z.array(stepIdSchema).check(z.maxLength(200)),
  /** Where the learner was, so reopening the lesson resumes there. */
  currentStepId: z.optional(stepIdSchema),
})

/** Lesson id → that lesson's progress. Lessons never opened have no entry. */
export const progressSchema = z.record(lessonIdSchema, lessonProgressSchema)

/** What localStorage holds under `progress`. */
export const persistedProgressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: progressSchema,
})

export type LessonProgress = z.infer<typeof lessonProgressSchema>
export type Progress = z.infer<typeof progressSchema>
export type PersistedProgress = z.infer<typeof persistedProgressSchema>

export const EMPTY_PROGRESS: Progress = {}

export const PROGRESS_UNREADABLE_NOTICE =
  'Your saved lesson progress could not be read, so it was reset.'
export const PROGRESS_OTHER_VERSION_NOTICE =
  'Your saved lesson progress was written by another version of the playground, so it was reset.'

function isRecord(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate)
}

/** The same progress with each lesson's completed steps listed once. */
export function normalizeProgress(progress: Progress): Progress {
  return Object.fromEntries(
    Object.entries(progress).map(([lessonId, lesson]) => [
      lessonId,
      { ...lesson, completedStepIds: [...new Set(lesson.completedStepIds)] },
    ]),
  )
}

export function persistProgress(progress: Progress): PersistedProgress {
  return { version: PROGRESS_VERSION, lessons: progress }
}

/**
 * Validates what localStorage held, lesson by lesson: a lesson whose entry is damaged is dropped
 * and named, the others are kept. Nothing saved yet is a clean start; a value of another version
 * is discarded with a notice. Never throws.
 */
export function readPersistedProgress(persisted: unknown): {
  progress: Progress
  notice: string | undefined
} {
  if (persisted === undefined) return { progress: EMPTY_PROGRESS, notice: undefined }
  if (!isRecord(persisted) || typeof persisted.version !== 'number')
    return { progress: EMPTY_PROGRESS, notice: PROGRESS_UNREADABLE_NOTICE }
  if (persisted.version !== PROGRESS_VERSION)
    return { progress: EMPTY_PROGRESS, notice: PROGRESS_OTHER_VERSION_NOTICE }
  if (!isRecord(persisted.lessons))
    return { progress: EMPTY_PROGRESS, notice: PROGRESS_UNREADABLE_NOTICE }
  const kept: Progress = {}
  const dropped: string[] = []
  for (const [lessonId, entry] of Object.entries(persisted.lessons)) {
    const id = lessonIdSchema.safeParse(lessonId)
    const lesson = lessonProgressSchema.safeParse(entry)
    if (id.success && lesson.success) kept[lessonId] = lesson.data
    else dropped.push(lessonId)
  }
  const progress = normalizeProgress(kept)
  if (dropped.length === 0) return { progress, notice: undefined }
  return {
    progress,
    notice: `Your saved progress for ${dropped.join(', ')} could not be read and was dropped; the progress of every other lesson was kept.`,
  }
}

export interface ProgressSlice {
  progress: Progress
  /** Set when saved progress could not be read and was reset. */
  progressNotice: string | undefined
  completeStep: (lessonId: string, stepId: string) => void
  setCurrentStep: (lessonId: string, stepId: string) => void
  /** Forgets a lesson's completed steps and where the learner was. */
  resetLessonProgress: (lessonId: string) => void
  /** Replaces all progress, as an import does. */
  replaceProgress: (progress: Progress) => void
  dismissProgressNotice: () => void
}

const NO_PROGRESS: LessonProgress = { completedStepIds: [] }

export const createProgressSlice: SliceCreator<ProgressSlice> = (set) => {
  const updateLesson = (lessonId: string, change: (lesson: LessonProgress) => LessonProgress) =>
    set((state) => {
      const current = state.progress[lessonId]
      const next = change(current ?? NO_PROGRESS)
      // The same state object tells zustand nothing changed: no re-render, no localStorage write.
      return next === current ? state : { progress: { ...state.progress, [lessonId]: next } }
    })
  return {
    progress: EMPTY_PROGRESS,
    progressNotice: undefined,
    completeStep: (lessonId, stepId) =>
      updateLesson(lessonId, (lesson) =>
        lesson.completedStepIds.includes(stepId)
          ? lesson
          : { ...lesson, completedStepIds: [...lesson.completedStepIds, stepId] },
      ),
    setCurrentStep: (lessonId, stepId) =>
      updateLesson(lessonId, (lesson) =>
        lesson.currentStepId === stepId ? lesson : { ...lesson, currentStepId: stepId },
      ),
    resetLessonProgress: (lessonId) =>
      set((state) => {
        const { [lessonId]: _forgotten, ...others } = state.progress
        return { progress: others }
      }),
    replaceProgress: (progress) => set({ progress: normalizeProgress(progress) }),
    dismissProgressNotice: () => set({ progressNotice: undefined }),
  }
}
