import { useId } from 'react'
import type { Lesson } from '../../lesson-loader/parse-lesson'
import type { LessonSummary } from '../../lesson-loader/lesson-summary'
import { formatRoute } from '../../routing/route'
import { Markdown } from './Markdown'

/** "Well done": the lesson's takeaway again, and the way on. */
export function LessonComplete({
  lesson,
  nextLesson,
}: {
  lesson: Lesson
  nextLesson: LessonSummary | undefined
}) {
  const id = useId()
  return (
    <section className="lp-complete" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Well done: lesson complete!</h3>
      <p>You completed every step of “{lesson.title}”.</p>
      {lesson.takeawayHtml && <Markdown html={lesson.takeawayHtml} />}
      <p>
        {nextLesson ? (
          <a href={formatRoute({ name: 'lesson', lessonId: nextLesson.id })}>
            Next lesson: {nextLesson.title} →
          </a>
        ) : (
          <>
            That was the last lesson. <a href={formatRoute({ name: 'lessons' })}>All lessons</a>
          </>
        )}
      </p>
    </section>
  )
}
