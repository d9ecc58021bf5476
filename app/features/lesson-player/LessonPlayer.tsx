import { usePlayground } from '../../playground/playground-context'
import { useEffect, useId, useState } from 'react'
import type { LessonObservation } from '../../lesson-loader/evaluate-check'
import type { Lesson } from '../../lesson-loader/parse-lesson'
import type { LessonSummary } from '../../lesson-loader/lesson-summary'
import { formatRoute } from '../../routing/route'
import { navigate } from '../../routing/use-route'
import { usePlaygroundState } from '../../state/use-playground-state'
import { CatchUp } from './CatchUp'
import { evaluateStep, type StepEvaluation } from './evaluate-step'
import { LessonComplete } from './LessonComplete'
import { isStepCompleted, lessonStatus, stepToShow } from './lesson-progress'
import { LessonResetControls } from './LessonResetControls'
import { Markdown } from './Markdown'
import { StepList } from './StepList'
import { StepView } from './StepView'
import { usePlaygroundObservation } from './use-playground-observation'
import { StepProgressPortal } from '../../shared/step-progress-slot'
import { useServerCode, type ServerCode } from './use-server-code'

export interface LessonPlayerProps {
  lesson: Lesson
  /** The step the link names; without one, the step the learner was on (or the first). */
  stepId: string | undefined
  /** Offered once the lesson is complete. */
  nextLesson: LessonSummary | undefined
}

interface Baseline {
  key: string
  observation: LessonObservation
}

/**
 * What the playground showed when the step became current (on a running server): checks like
 * "the session id changed" compare against it. Captured again when the step changes or the
 * server starts over. State adjusted during render, as React recommends for derived state.
 */
function useStepBaseline(
  key: string,
  ready: boolean,
  observation: LessonObservation,
): LessonObservation | undefined {
  const [baseline, setBaseline] = useState<Baseline | undefined>(() =>
    ready ? { key, observation } : undefined,
  )
  if (!ready) return undefined
  if (baseline?.key !== key) {
    setBaseline({ key, observation })
    return observation
  }
  return baseline.observation
}

function ServerNotice({ server }: { server: ServerCode }) {
  const status = usePlaygroundState((state) => state.server.status)
  if (server.phase === 'loading')
    return (
      <p className="lp-server-notice" role="status">
        Starting this lesson’s server…
      </p>
    )
  if (server.phase === 'failed')
    return (
      <p className="lp-error" role="alert">
        The lesson’s server could not be started: {server.error}
      </p>
    )
  if (status === 'failed' || status === 'crashed')
    return (
      <p className="lp-server-notice lp-warning" role="status">
        The server is not running ({status}): the Server panel says why. “Reset lesson” starts the
        lesson’s own code again.
      </p>
    )
  return null
}

/**
 * The routed lesson: its prose, then one step at a time with live checks, "Do it for me",
 * step navigation and resets. Opening it makes the playground run the lesson's server.js.
 */
export function LessonPlayer({ lesson, stepId, nextLesson }: LessonPlayerProps) {
  const id = useId()
  const progress = usePlaygroundState((state) => state.progress[lesson.id])
  const completeStep = usePlayground().learner.completeStep
  const setCurrentStep = usePlayground().learner.setCurrentStep
  const resetLessonProgress = usePlayground().learner.resetLessonProgress
  const server = useServerCode(lesson.id, lesson.serverSource, {
    instances: lesson.instances,
    editable: lesson.editable,
  })
  const observation = usePlaygroundObservation()

  const { step, index } = stepToShow(lesson, stepId, progress)
  const [firstStepId] = useState(step.id)
  const [proseOpen] = useState(index === 0 && !isStepCompleted(progress, step.id))
  const ready = server.phase === 'ready'
  // Bumped when the step should start afresh from what the playground shows now (after a catch-up).
  const [restarts, setRestarts] = useState(0)
  const baseline = useStepBaseline(
    `${step.id}#${server.generation}#${restarts}`,
    ready,
    observation,
  )
  const nothingDoneYet = usePlaygroundState((state) => state.exchanges.length === 0)
  const earlierSteps = lesson.steps.slice(0, index)
  const evaluation = baseline ? evaluateStep(step, observation, baseline) : undefined
  const completed = isStepCompleted(progress, step.id)
  const status = lessonStatus(lesson, progress)
  const othersCompleted = lesson.steps.every(
    (other) => other.id === step.id || isStepCompleted(progress, other.id),
  )
  const passed = evaluation?.passed === true

  useEffect(() => {
    if (passed && !completed) completeStep(lesson.id, step.id)
  }, [passed, completed, completeStep, lesson.id, step.id])

  useEffect(() => {
    if (progress?.currentStepId !== step.id) setCurrentStep(lesson.id, step.id)
  }, [progress?.currentStepId, setCurrentStep, lesson.id, step.id])

  const goToStep = (target: number) => {
    const targetStep = lesson.steps[target]
    if (targetStep) navigate({ name: 'lesson', lessonId: lesson.id, stepId: targetStep.id })
  }
  const startOver = () => {
    const first = lesson.steps[0]
    if (first) setCurrentStep(lesson.id, first.id)
    goToStep(0)
    void server.reload()
  }

  return (
    <section className="lp-player" aria-labelledby={`${id}-title`}>
      <p className="lp-breadcrumb">
        <a href={formatRoute({ name: 'lessons' })}>← All lessons</a>
      </p>
      <h2 id={`${id}-title`}>
        <span className="lp-lesson-number">Lesson {lesson.number}:</span> {lesson.title}
      </h2>
      <p className="lp-lesson-status">
        {status.done ? '✓ Done' : `${status.completed} of ${status.total} steps done`}
      </p>
      <ServerNotice server={server} />
      <details className="lp-prose" open={proseOpen}>
        <summary>About this lesson</summary>
        <Markdown html={lesson.proseHtml} />
      </details>
      <StepList lesson={lesson} currentStepId={step.id} progress={progress} />
      {ready && nothingDoneYet && earlierSteps.some((earlier) => earlier.do.length > 0) && (
        <CatchUp
          key={`${step.id}#${server.generation}`}
          earlierSteps={earlierSteps}
          onCaughtUp={() => setRestarts((count) => count + 1)}
        />
      )}
      <StepProgressPortal>
        <StepProgress
          index={index}
          total={lesson.steps.length}
          completed={completed}
          evaluation={evaluation}
        />
      </StepProgressPortal>
      <StepView
        key={step.id}
        step={step}
        index={index}
        total={lesson.steps.length}
        evaluation={evaluation}
        completed={completed}
        completesLesson={othersCompleted && !completed}
        focusOnMount={step.id !== firstStepId}
        onPrevious={index > 0 ? () => goToStep(index - 1) : undefined}
        onNext={index < lesson.steps.length - 1 ? () => goToStep(index + 1) : undefined}
      />
      {status.done && <LessonComplete lesson={lesson} nextLesson={nextLesson} />}
      <LessonResetControls
        busy={server.phase === 'loading'}
        onResetLesson={startOver}
        onResetProgress={() => {
          resetLessonProgress(lesson.id)
          startOver()
        }}
      />
    </section>
  )
}

/** One line on where the learner is, for the phone's tab bar: "Step 2 of 4 · 1/2 checks". */
function StepProgress({
  index,
  total,
  completed,
  evaluation,
}: {
  index: number
  total: number
  completed: boolean
  evaluation: StepEvaluation | undefined
}) {
  const passed = evaluation?.results.filter((result) => result.passed).length
  const checks =
    evaluation === undefined || passed === undefined
      ? ''
      : ` · ${passed}/${evaluation.results.length} checks`
  return (
    <>
      Step {index + 1} of {total}
      {checks}
      {completed && ' · ✓ completed'}
    </>
  )
}
