import { useId } from 'react'
import type { Lesson } from '../../lesson-loader/parse-lesson'
import { formatRoute } from '../../routing/route'
import { findTakeaway } from './lesson-prose'
import { Markdown } from './Markdown'

/** "Well done": the lesson's takeaway again, and the way on. */
export function LessonComplete({
  lesson,
  nextLesson,
}: {
  lesson: Lesson
  nextLesson: Lesson | undefined
}) {
  const id = useId()
  const takeaway = findTakeaway(lesson.prose)
  return (
    <section className="lp-complete" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Well done: lesson complete!</h3>
      <p>You completed every step of “{lesson.title}”.</p>
      {takeaway && <Markdown source={`**Takeaway:** ${takeaway}`} />}
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
