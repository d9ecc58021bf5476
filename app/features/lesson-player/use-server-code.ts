import { useCallback, useEffect, useState } from 'react'
import { usePlayground } from '../../playground/playground-context'
import type { LessonServerOptions } from '../../playground/playground-options'

export interface ServerCode {
  phase: 'loading' | 'ready' | 'failed'
  /** Counts clean slates: each finished load (and reset) starts a new one. */
  generation: number
  error: string | undefined
  /** Loads the code again on a clean slate, as "Reset lesson" does. */
  reload: () => Promise<void>
}

interface Phase {
  phase: ServerCode['phase']
  generation: number
  error: string | undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Makes the playground's server run `source` as `origin` while the caller is shown. */
export function useServerCode(
  origin: string,
  source: string,
  { instances = 1, editable = true, realTimeClock = false }: LessonServerOptions = {},
): ServerCode {
  const playground = usePlayground()
  const [state, setState] = useState<Phase>(() => ({
    phase: playground.lessonServer.isRunning(origin, source) ? 'ready' : 'loading',
    generation: 0,
    error: undefined,
  }))

  useEffect(() => {
    let active = true
    playground.lessonServer.ensure(origin, source, { instances, editable, realTimeClock }).then(
      () => {
        if (!active) return
        setState((current) =>
          current.phase === 'ready'
            ? current
            : { phase: 'ready', generation: current.generation + 1, error: undefined },
        )
      },
      (error: unknown) => {
        if (active)
          setState((current) => ({ ...current, phase: 'failed', error: messageOf(error) }))
      },
    )
    return () => {
      active = false
    }
  }, [playground, origin, source, instances, editable, realTimeClock])

  const reload = useCallback(async () => {
    setState((current) => ({ ...current, phase: 'loading', error: undefined }))
    try {
      await playground.lessonServer.load(origin, source, { instances, editable, realTimeClock })
      setState((current) => ({
        phase: 'ready',
        generation: current.generation + 1,
        error: undefined,
      }))
    } catch (error) {
      setState((current) => ({ ...current, phase: 'failed', error: messageOf(error) }))
    }
  }, [playground, origin, source, instances, editable, realTimeClock])

  return { ...state, reload }
}
