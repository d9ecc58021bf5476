import { useState } from 'react'
import type { LessonStep } from '../../lesson-loader/lesson-schema'
import { usePlayground } from '../../playground/playground-context'

/**
 * A later step opened on a server that has just started (after a reload, or from a deep link)
 * builds on state the earlier steps created. This replays their walkthroughs, so the learner
 * can carry on where they were instead of starting the lesson over.
 */
export function CatchUp({
  earlierSteps,
  onCaughtUp,
}: {
  earlierSteps: readonly LessonStep[]
  /** Called once the earlier steps' actions ran: the current step starts afresh from here. */
  onCaughtUp: () => void
}) {
  const playground = usePlayground()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const count = earlierSteps.length
  const label = count === 1 ? 'Replay step 1 for me' : `Replay steps 1–${count} for me`

  const replay = async () => {
    setBusy(true)
    setError(undefined)
    try {
      for (const step of earlierSteps)
        for (const action of step.do) await playground.performLessonAction(action)
      onCaughtUp()
    } catch (failure) {
      setError(
        `The replay stopped: ${failure instanceof Error ? failure.message : String(failure)}`,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="lp-catch-up">
      <p>
        This step continues from the earlier ones, but the server has only just started: nothing
        they did is there yet.
      </p>
      <button type="button" onClick={() => void replay()} disabled={busy} aria-busy={busy}>
        {busy ? 'Replaying…' : label}
      </button>
      {error && (
        <p className="lp-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
