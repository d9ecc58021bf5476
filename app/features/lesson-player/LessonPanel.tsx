import { useEffect, useState } from 'react'
import type { Lesson } from '../../lesson-loader/parse-lesson'
import { lessonIdOf, type LessonEntry } from '../../lesson-loader/lesson-summary'
import { formatRoute } from '../../routing/route'
import { useRoute } from '../../routing/use-route'
import { BrokenLessonCard } from './BrokenLessonCard'
import { FreePlay } from './FreePlay'
import { hasStep, nextLessonAfter } from './lesson-progress'
import { LessonList } from './LessonList'
import { LessonPlayer } from './LessonPlayer'
import { NotFound } from './NotFound'
import { ProgressNotice } from './ProgressNotice'
import './lesson-player.css'

export interface LessonPanelProps {
  /** All lessons in order, broken ones included: `discoverLessons()`. */
  lessons: readonly LessonEntry[]
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
      const parsed = lessons.find((candidate) => lessonIdOf(candidate) === route.lessonId)
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
      if (route.stepId !== undefined && !hasStep(lesson, route.stepId))
        return (
          <NotFound title="No such step">
            <p>
              “{lesson.title}” has no step called <code>{route.stepId}</code>.{' '}
              <a href={formatRoute({ name: 'lesson', lessonId: lesson.id })}>Open the lesson</a>
            </p>
          </NotFound>
        )
      return (
        <LoadedLessonPlayer
          key={lesson.id}
          entry={parsed}
          stepId={route.stepId}
          nextLesson={nextLessonAfter(lessons, lesson.id)}
        />
      )
    }
  }
}

type OkEntry = Extract<LessonEntry, { ok: true }>
type Loaded = { lesson: Lesson; error?: undefined } | { lesson?: undefined; error: unknown }

/** What has been fetched of each lesson, for the page's life: opened again, it is there at once. */
const loaded = new WeakMap<OkEntry, Loaded>()

/** The lesson's own chunk (see discover-lessons.ts), fetched on first use. */
function useLesson(entry: OkEntry): Loaded | undefined {
  const [, setVersion] = useState(0)
  useEffect(() => {
    if (entry.loaded || loaded.has(entry)) return
    let active = true
    entry
      .load()
      .then(
        (lesson) => loaded.set(entry, { lesson }),
        (error: unknown) => loaded.set(entry, { error }),
      )
      .finally(() => {
        if (active) setVersion((version) => version + 1)
      })
    return () => {
      active = false
    }
  }, [entry])
  return entry.loaded ? { lesson: entry.loaded } : loaded.get(entry)
}

function LoadedLessonPlayer({
  entry,
  ...props
}: Omit<Parameters<typeof LessonPlayer>[0], 'lesson'> & { entry: OkEntry }) {
  const state = useLesson(entry)
  if (!state) return <p className="lp-loading">Loading “{entry.lesson.title}”…</p>
  if (state.lesson) return <LessonPlayer lesson={state.lesson} {...props} />
  // A lesson is a chunk of its own: fetching it can fail (offline, or a newer version of the
  // site replaced it). Say so, with the way out, instead of a blank panel.
  return (
    <NotFound title="This lesson could not be loaded">
      <p>
        “{entry.lesson.title}” did not arrive ({String(state.error)}). Check the connection and
        reload the page; your progress is kept.
      </p>
    </NotFound>
  )
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
