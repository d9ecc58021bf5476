import type { ParsedLesson } from '../../lesson-loader/parse-lesson'
import { formatRoute } from '../../routing/route'
import { useRoute } from '../../routing/use-route'
import { BrokenLessonCard } from './BrokenLessonCard'
import { FreePlay } from './FreePlay'
import { findStep, nextLessonAfter } from './lesson-progress'
import { LessonList } from './LessonList'
import { LessonPlayer } from './LessonPlayer'
import { NotFound } from './NotFound'
import { ProgressNotice } from './ProgressNotice'
import './lesson-player.css'

export interface LessonPanelProps {
  /** All lessons in order, broken ones included: `discoverLessons()`. */
  lessons: readonly ParsedLesson[]
  /** The server that free play runs (the sample login server). */
  freePlaySource: string
}

function RoutedContent({ lessons, freePlaySource }: LessonPanelProps) {
  const route = useRoute()
  switch (route.name) {
    case 'lessons':
      return <LessonList lessons={lessons} />
    case 'free-play':
      return <FreePlay serverSource={freePlaySource} />
    case 'not-found':
      return (
        <NotFound title="No such page">
          <p>
            Nothing in the playground lives at <code>#/{route.path}</code>.
          </p>
        </NotFound>
      )
    case 'lesson': {
      const parsed = lessons.find(
        (candidate) => (candidate.ok ? candidate.lesson.id : candidate.id) === route.lessonId,
      )
      if (!parsed)
        return (
          <NotFound title="No such lesson">
            <p>
              There is no lesson called <code>{route.lessonId}</code>.
            </p>
          </NotFound>
        )
      if (!parsed.ok)
        return (
          <div className="lp-broken-page">
            <p className="lp-breadcrumb">
              <a href={formatRoute({ name: 'lessons' })}>← All lessons</a>
            </p>
            <BrokenLessonCard lessonId={parsed.id} problems={parsed.problems} headingLevel={2} />
          </div>
        )
      const { lesson } = parsed
      if (route.stepId !== undefined && !findStep(lesson, route.stepId))
        return (
          <NotFound title="No such step">
            <p>
              “{lesson.title}” has no step called <code>{route.stepId}</code>.{' '}
              <a href={formatRoute({ name: 'lesson', lessonId: lesson.id })}>Open the lesson</a>
            </p>
          </NotFound>
        )
      return (
        <LessonPlayer
          key={lesson.id}
          lesson={lesson}
          stepId={route.stepId}
          nextLesson={nextLessonAfter(lessons, lesson.id)}
        />
      )
    }
  }
}

/**
 * The lesson side of the app, routed by the URL fragment: the lesson list (`#/lessons`, also the
 * front door), a lesson and its steps (`#/lessons/<id>[/<step>]`), free play (`#/play`), and a
 * friendly page for links that lead nowhere. Needs a PlaygroundProvider above it.
 */
export function LessonPanel({ lessons, freePlaySource }: LessonPanelProps) {
  return (
    <div className="lp-panel">
      <ProgressNotice />
      <RoutedContent lessons={lessons} freePlaySource={freePlaySource} />
    </div>
  )
}
