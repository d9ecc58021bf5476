import { formatProblem, type LessonProblem } from '../../lesson-loader/lesson-problem'

/**
 * A lesson whose files do not validate: every problem with file, line and field, so its author
 * can fix them all at once. The other lessons keep working.
 */
export function BrokenLessonCard({
  lessonId,
  problems,
  headingLevel = 3,
}: {
  lessonId: string
  problems: readonly LessonProblem[]
  headingLevel?: 2 | 3
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <div className="lp-broken" role="group" aria-label={`Lesson ${lessonId} cannot be opened`}>
      <Heading className="lp-broken-title">
        <span aria-hidden="true">⚠ </span>
        {lessonId}: this lesson cannot be opened
      </Heading>
      <p>
        Its files have {problems.length === 1 ? 'a problem' : `${problems.length} problems`} (run{' '}
        <code>npm run lessons:check</code> to see them in a terminal):
      </p>
      <ul className="lp-problems">
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
