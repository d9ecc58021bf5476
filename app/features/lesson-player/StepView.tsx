import { useEffect, useId, useRef, useState } from 'react'
import type { LessonStep } from '../../lesson-loader/lesson-schema'
import type { RenderedStep } from '../../lesson-loader/parse-lesson'
import { usePlayground } from '../../playground/playground-context'
import { CheckList } from './CheckList'
import type { StepEvaluation } from './evaluate-step'
import { Markdown } from './Markdown'

export interface StepViewProps {
  step: RenderedStep
  /** 0-based position in the lesson. */
  index: number
  total: number
  /** Undefined while the lesson's server starts. */
  evaluation: StepEvaluation | undefined
  /** Saved as complete (its checks all passed once), even if they no longer do. */
  completed: boolean
  /** Every other step is complete: passing this one completes the lesson. */
  completesLesson: boolean
  /** Move focus to the step's heading when shown (after step navigation, not on page load). */
  focusOnMount: boolean
  onPrevious: (() => void) | undefined
  onNext: (() => void) | undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** "Do it for me": performs the step's reference actions one after another. */
function useDoItForMe(step: LessonStep) {
  const playground = usePlayground()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const run = async () => {
    setBusy(true)
    setError(undefined)
    try {
      for (const action of step.do) await playground.performLessonAction(action)
    } catch (failure) {
      setError(`“Do it for me” stopped: ${messageOf(failure)}`)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}

/** One step: its instructions, its live checks and what the learner can do about them. */
export function StepView({
  step,
  index,
  total,
  evaluation,
  completed,
  completesLesson,
  focusOnMount,
  onPrevious,
  onNext,
}: StepViewProps) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const doItForMe = useDoItForMe(step)
  const ready = evaluation !== undefined
  const complete = completed || evaluation?.passed === true

  useEffect(() => {
    if (focusOnMount) heading.current?.focus()
  }, [focusOnMount])

  return (
    <article className="lp-step" aria-labelledby={`${id}-title`}>
      <p className="lp-step-count">
        Step {index + 1} of {total}
      </p>
      <h3 className="lp-step-title" id={`${id}-title`} ref={heading} tabIndex={-1}>
        {step.title}
        {completed && <span className="lp-step-done"> ✓ completed</span>}
      </h3>
      <Markdown className="lp-instructions" html={step.instructionsHtml} />
      <CheckList
        checks={step.checks}
        results={evaluation?.results}
        completesLesson={completesLesson}
      />
      <div className="lp-step-actions">
        <button
          type="button"
          onClick={() => void doItForMe.run()}
          disabled={doItForMe.busy || step.do.length === 0 || !ready}
          aria-busy={doItForMe.busy}
          aria-describedby={step.do.length === 0 ? `${id}-nothing-to-do` : undefined}
        >
          {doItForMe.busy ? 'Doing it…' : 'Do it for me'}
        </button>
        {step.do.length === 0 && (
          <span className="lp-note" id={`${id}-nothing-to-do`}>
            This step has no walkthrough: try it yourself.
          </span>
        )}
        <span className="lp-step-nav">
          {onPrevious && (
            <button type="button" onClick={onPrevious}>
              ← Previous step
            </button>
          )}
          {onNext && complete && (
            <button type="button" className="primary" onClick={onNext}>
              Next step →
            </button>
          )}
        </span>
      </div>
      {doItForMe.error && (
        <p className="lp-error" role="alert">
          {doItForMe.error}
        </p>
      )}
    </article>
  )
}
