import type { Lesson } from '../../lesson-loader/parse-lesson'
import { formatRoute } from '../../routing/route'
import type { LessonProgress } from '../../state/progress-slice'
import { isStepCompleted } from './lesson-progress'

/** Every step of the lesson as a deep link, marked done or current: the way to jump around. */
export function StepList({
  lesson,
  currentStepId,
  progress,
}: {
  lesson: Lesson
  currentStepId: string
  progress: LessonProgress | undefined
}) {
  return (
    <nav className="lp-step-list" aria-label="Steps of this lesson">
      <ol>
        {lesson.steps.map((step) => {
          const done = isStepCompleted(progress, step.id)
          const current = step.id === currentStepId
          return (
            <li key={step.id} className={current ? 'lp-step-link-current' : undefined}>
              <a
                href={formatRoute({ name: 'lesson', lessonId: lesson.id, stepId: step.id })}
                aria-current={current ? 'step' : undefined}
              >
                {step.title}
              </a>
              {done && (
                <span className="lp-step-link-done">
                  <span aria-hidden="true"> ✓</span>
                  <span className="visually-hidden"> (completed)</span>
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
