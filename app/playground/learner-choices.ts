/**
 * What panels change that is not the simulated world: the learner's preferences and progress,
 * which exchange is selected, a cleared console. Panels reach these through the controller
 * (`playground.learner`), never through the store, so the controller stays its only writer.
 */
import type { PlaygroundState } from '../state/store'

export type LearnerChoices = Pick<
  PlaygroundState,
  | 'setPreferences'
  | 'dismissPreferencesNotice'
  | 'completeStep'
  | 'setCurrentStep'
  | 'resetLessonProgress'
  | 'replaceProgress'
  | 'dismissProgressNotice'
  | 'selectExchange'
  | 'clearActivity'
>

export function createLearnerChoices(state: () => PlaygroundState): LearnerChoices {
  return {
    setPreferences: (change) => state().setPreferences(change),
    dismissPreferencesNotice: () => state().dismissPreferencesNotice(),
    completeStep: (lessonId, stepId) => state().completeStep(lessonId, stepId),
    setCurrentStep: (lessonId, stepId) => state().setCurrentStep(lessonId, stepId),
    resetLessonProgress: (lessonId) => state().resetLessonProgress(lessonId),
    replaceProgress: (progress) => state().replaceProgress(progress),
    dismissProgressNotice: () => state().dismissProgressNotice(),
    selectExchange: (id) => state().selectExchange(id),
    clearActivity: () => state().clearActivity(),
  }
}
