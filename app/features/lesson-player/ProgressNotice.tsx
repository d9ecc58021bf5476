import { usePlaygroundStore } from '../../state/store'

/** Says so when saved progress could not be read and the learner starts clean. */
export function ProgressNotice() {
  const notice = usePlaygroundStore((state) => state.progressNotice)
  const dismiss = usePlaygroundStore((state) => state.dismissProgressNotice)
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
