import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'

/** Says so when saved progress could not be read and the learner starts clean. */
export function ProgressNotice() {
  const notice = usePlaygroundState((state) => state.progressNotice)
  const dismiss = usePlayground().learner.dismissProgressNotice
  if (!notice) return null
  return (
    <div className="lp-notice" role="status">
      <p>{notice}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
