import { useId } from 'react'
import type { LessonEntry, LessonSummary } from '../../lesson-loader/lesson-summary'
import { formatRoute } from '../../routing/route'
import type { LessonProgress } from '../../state/progress-slice'
import { usePlaygroundState } from '../../state/use-playground-state'
import { BrokenLessonCard } from './BrokenLessonCard'
import { lessonStatus } from './lesson-progress'
import { ProgressTransfer } from './ProgressTransfer'

function CompletionMark({
  lesson,
  progress,
}: {
  lesson: LessonSummary
  progress: LessonProgress | undefined
}) {
  const { completed, total, done } = lessonStatus(lesson, progress)
  if (done)
    return (
      <span className="lp-mark lp-mark-done">
        <span aria-hidden="true">✓ </span>done
      </span>
    )
  return (
    <span className="lp-mark">
      {completed}/{total} steps
    </span>
  )
}

function LessonCard({
  lesson,
  progress,
}: {
  lesson: LessonSummary
  progress: LessonProgress | undefined
}) {
  return (
    <div className="lp-card">
      <h3 className="lp-card-title">
        <span className="lp-lesson-number">{lesson.number}.</span>{' '}
        <a href={formatRoute({ name: 'lesson', lessonId: lesson.id })}>{lesson.title}</a>
      </h3>
      <p className="lp-card-summary">{lesson.summary}</p>
      <CompletionMark lesson={lesson} progress={progress} />
    </div>
  )
}

/** Every lesson in order, with its completion; broken lessons as error cards; free play. */
export function LessonList({ lessons }: { lessons: readonly LessonEntry[] }) {
  const id = useId()
  const progress = usePlaygroundState((state) => state.progress)
  return (
    <section className="lp-list" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Lessons</h2>
      {lessons.length === 0 && <p className="empty">There are no lessons yet.</p>}
      <ol className="lp-lessons" aria-labelledby={`${id}-heading`}>
        {lessons.map((parsed) => (
          <li key={parsed.ok ? parsed.lesson.id : parsed.id}>
            {parsed.ok ? (
              <LessonCard lesson={parsed.lesson} progress={progress[parsed.lesson.id]} />
            ) : (
              <BrokenLessonCard lessonId={parsed.id} problems={parsed.problems} />
            )}
          </li>
        ))}
      </ol>
      <div className="lp-card lp-free-play">
        <h3 className="lp-card-title">
          <a href={formatRoute({ name: 'free-play' })}>Free play (no lesson)</a>
        </h3>
        <p className="lp-card-summary">
          The sample login server, with no steps or checks: try anything.
        </p>
      </div>
      <ProgressTransfer lessons={lessons.flatMap((entry) => (entry.ok ? [entry.lesson] : []))} />
    </section>
  )
}
