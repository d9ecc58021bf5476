import { useId, useState } from 'react'
import type { CheckResult } from '../../lesson-loader/evaluate-check'
import type { LessonCheck } from '../../lesson-loader/lesson-schema'
import { announceCheckChanges } from './check-announcement'

interface Announced {
  results: readonly CheckResult[] | undefined
  text: string
}

/** Announces changes between renders: state adjusted during render, as React recommends. */
function useAnnouncement(results: CheckResult[] | undefined, completesLesson: boolean): string {
  const signature = results?.map((result) => (result.passed ? '1' : '0')).join('')
  const [announced, setAnnounced] = useState<Announced>({ results, text: '' })
  const announcedSignature = announced.results
    ?.map((result) => (result.passed ? '1' : '0'))
    .join('')
  if (signature !== announcedSignature) {
    const text = announceCheckChanges(announced.results, results, completesLesson)
    setAnnounced({ results, text: text || announced.text })
    return text || announced.text
  }
  return announced.text
}

function CheckItem({
  check,
  result,
  hintId,
}: {
  check: LessonCheck
  result: CheckResult
  hintId: string
}) {
  const [hintShown, setHintShown] = useState(false)
  const hint = check.hint ?? result.detail ?? 'Look at the panels: one of them shows why.'
  return (
    <li className={result.passed ? 'lp-check lp-check-passed' : 'lp-check'}>
      <span className="lp-check-icon" aria-hidden="true">
        {result.passed ? '✓' : '○'}
      </span>
      <span className="lp-check-label">
        <span className="visually-hidden">{result.passed ? 'Passed: ' : 'Not yet: '}</span>
        {result.label}
      </span>
      {!result.passed && (
        <>
          <button
            type="button"
            className="lp-hint-toggle"
            aria-expanded={hintShown}
            aria-controls={hintId}
            onClick={() => setHintShown((shown) => !shown)}
          >
            {hintShown ? 'Hide hint' : 'Show hint'}
            <span className="visually-hidden"> for “{result.label}”</span>
          </button>
          <p className="lp-hint" id={hintId} hidden={!hintShown}>
            {hint}
          </p>
        </>
      )}
    </li>
  )
}

/**
 * The current step's checks with their live status. Each turns green when satisfied; failing
 * ones offer a hint (the check's own, or why it fails). Changes are announced politely.
 */
export function CheckList({
  checks,
  results,
  completesLesson,
}: {
  checks: LessonCheck[]
  /** Undefined while the lesson's server starts. */
  results: CheckResult[] | undefined
  /** Whether this step is the last one left: passing it completes the lesson. */
  completesLesson: boolean
}) {
  const id = useId()
  const announcement = useAnnouncement(results, completesLesson)
  const passedCount = results?.filter((result) => result.passed).length ?? 0
  return (
    <section className="lp-checks" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>
        Checks{' '}
        {results && (
          <span className="lp-checks-count">
            ({passedCount} of {checks.length} passing)
          </span>
        )}
      </h4>
      {results ? (
        <ul className="lp-check-list">
          {checks.map((check, index) => {
            const result = results[index]
            return (
              result && (
                <CheckItem
                  key={index}
                  check={check}
                  result={result}
                  hintId={`${id}-hint-${index}`}
                />
              )
            )
          })}
        </ul>
      ) : (
        <p className="empty">The checks start once the lesson’s server runs.</p>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  )
}
