import { useEffect, useId, useState, type FormEvent } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import { describeClockOffset, formatDuration, formatVirtualTime } from './format-virtual-time'
import { parseDuration } from './parse-duration'
import './clock.css'

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

const STEPS = [
  { label: '+1 min', ms: MINUTE_MS },
  { label: '+1 h', ms: HOUR_MS },
  { label: '+1 day', ms: DAY_MS },
] as const

const EXPLAINER =
  'Fast-forward time: cookies in the jars and sessions in the store expire as they would.'

/**
 * The learner's own clock, re-read every second so the virtual time on screen keeps moving,
 * and on demand (after a jump, so the new offset is not added to a stale reading).
 */
function useRealNow(): [now: number, reread: () => void] {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return [now, () => setNow(Date.now())]
}

/**
 * The virtual clock the server and the simulated browsers share. It only ever jumps forward,
 * which is how a learner sees `maxAge` run out without waiting. In a lesson it is paused, so
 * nothing expires while the learner reads; free play runs it with real time. Either way the
 * learner can pause or resume it here.
 */
export function ClockControls() {
  const playground = usePlayground()
  const offsetMs = usePlaygroundState((state) => state.server.clockOffsetMs)
  const pausedAtMs = usePlaygroundState((state) => state.server.clockPausedAtMs)
  const paused = pausedAtMs !== undefined
  // Re-rendering on every tick is what moves the time on screen; `offsetMs` moves it on a jump.
  const [realNow, rereadRealNow] = useRealNow()
  const virtualNow = pausedAtMs ?? realNow + offsetMs
  const [amount, setAmount] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [confirmation, setConfirmation] = useState('')
  const [showExplainer, setShowExplainer] = useState(false)
  const id = useId()
  const ids = {
    heading: `${id}-heading`,
    explainer: `${id}-explainer`,
    amount: `${id}-amount`,
    error: `${id}-error`,
  }

  async function advance(ms: number): Promise<void> {
    try {
      await playground.advanceClock(ms)
      rereadRealNow()
      setConfirmation(`Moved the clock forward by ${formatDuration(ms)}.`)
    } catch (reason) {
      setError(
        `The clock could not move: ${reason instanceof Error ? reason.message : String(reason)}`,
      )
    }
  }

  async function toggleRunning(): Promise<void> {
    try {
      await playground.setClockFlowing(paused)
      rereadRealNow()
      setConfirmation(paused ? 'The clock runs with real time again.' : 'The clock is paused.')
    } catch (reason) {
      setError(
        `The clock could not ${paused ? 'resume' : 'pause'}: ${reason instanceof Error ? reason.message : String(reason)}`,
      )
    }
  }

  function advanceByTypedAmount(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    const result = parseDuration(amount)
    if (!result.ok) {
      setError(result.reason)
      setConfirmation('')
      return
    }
    setError(undefined)
    void advance(result.ms)
  }

  return (
    <section className="clock" aria-labelledby={ids.heading} title={EXPLAINER}>
      <h2 id={ids.heading} className="visually-hidden">
        Virtual clock
      </h2>
      <p className="clock-now">
        <span className="clock-label">Server time</span>{' '}
        <time dateTime={new Date(virtualNow).toISOString()} aria-live="off">
          {formatVirtualTime(virtualNow)}
        </time>{' '}
        <span
          className="clock-offset"
          title={
            paused ? 'Virtual time moves only when you, or a lesson step, move it.' : undefined
          }
        >
          ({paused ? 'paused' : describeClockOffset(offsetMs)})
        </span>
      </p>
      <button
        type="button"
        className="clock-pause"
        aria-pressed={paused}
        title={
          paused
            ? 'Let virtual time run with real time again'
            : 'Stop virtual time: nothing expires while you read'
        }
        onClick={() => {
          setError(undefined)
          void toggleRunning()
        }}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <div className="clock-steps" role="group" aria-label="Fast-forward the clock">
        {STEPS.map((step) => (
          <button
            key={step.label}
            type="button"
            aria-describedby={ids.explainer}
            onClick={() => {
              setError(undefined)
              void advance(step.ms)
            }}
          >
            {step.label}
          </button>
        ))}
      </div>
      <form className="clock-amount" onSubmit={advanceByTypedAmount} noValidate>
        <label htmlFor={ids.amount}>Fast-forward by</label>
        <input
          id={ids.amount}
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          placeholder="90s, 2h…"
          size={7}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${ids.error} ${ids.explainer}` : ids.explainer}
        />
        <button type="submit">Go</button>
      </form>
      <button
        type="button"
        className="clock-help"
        aria-expanded={showExplainer}
        aria-controls={ids.explainer}
        aria-label="About the virtual clock"
        onClick={() => setShowExplainer((shown) => !shown)}
      >
        ?
      </button>
      <p id={ids.explainer} className="clock-explainer" hidden={!showExplainer}>
        {EXPLAINER}
      </p>
      {error && (
        <p id={ids.error} className="clock-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {confirmation}
      </p>
    </section>
  )
}
