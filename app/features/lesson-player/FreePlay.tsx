import { useId } from 'react'
import { formatRoute } from '../../routing/route'
import { SAMPLE_CODE_ORIGIN } from '../../state/server-slice'
import { useServerCode } from './use-server-code'

/** No lesson: the playground runs the sample server, and the learner does as they like. */
export function FreePlay({ serverSource }: { serverSource: string }) {
  const id = useId()
  // Free play keeps time in step with the real clock; the clock's pause button stops it.
  const server = useServerCode(SAMPLE_CODE_ORIGIN, serverSource, { realTimeClock: true })
  return (
    <section className="lp-free" aria-labelledby={`${id}-heading`}>
      <p className="lp-breadcrumb">
        <a href={formatRoute({ name: 'lessons' })}>← All lessons</a>
      </p>
      <h2 id={`${id}-heading`}>Free play</h2>
      <p>
        The sample server runs with no lesson and nothing is checked: visit pages, copy and tamper
        with cookies, restart the server, fast-forward the clock, edit the code.
      </p>
      {server.phase === 'loading' && <p role="status">Starting the sample server…</p>}
      {server.phase === 'failed' && (
        <p className="lp-error" role="alert">
          The sample server could not be started: {server.error}
        </p>
      )}
      <button
        type="button"
        onClick={() => void server.reload()}
        disabled={server.phase === 'loading'}
      >
        Start over
      </button>
    </section>
  )
}
