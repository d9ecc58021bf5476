import { useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'

/**
 * "Reset lesson" starts the lesson over on a fresh server and keeps the completed steps;
 * "Reset progress" also forgets them, after the learner confirms.
 */
export function LessonResetControls({
  busy,
  onResetLesson,
  onResetProgress,
}: {
  busy: boolean
  onResetLesson: () => void
  onResetProgress: () => void
}) {
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const askButton = useRef<HTMLButtonElement>(null)
  const cancel = () => {
    // Focus goes back where it came from, not to the top of the page.
    flushSync(() => setConfirming(false))
    askButton.current?.focus()
  }
  return (
    <div className="lp-reset" role="group" aria-label="Start over">
      <button
        type="button"
        onClick={onResetLesson}
        disabled={busy}
        aria-describedby={`${id}-lesson`}
      >
        Reset lesson
      </button>
      <span className="visually-hidden" id={`${id}-lesson`}>
        Empty browsers and store, the server restarted from the lesson’s code, back to step 1.
        Completed steps stay completed.
      </span>
      {confirming ? (
        <span className="lp-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <span id={`${id}-confirm`}>Forget the steps you completed in this lesson?</span>
          <button
            type="button"
            className="lp-danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false)
              onResetProgress()
            }}
          >
            Yes, reset progress
          </button>
          <button type="button" onClick={cancel} autoFocus>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" ref={askButton} onClick={() => setConfirming(true)} disabled={busy}>
          Reset progress…
        </button>
      )}
    </div>
  )
}
