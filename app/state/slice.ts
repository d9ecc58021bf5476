import type { PlaygroundState } from './store'

type SetState = (
  partial: Partial<PlaygroundState> | ((state: PlaygroundState) => Partial<PlaygroundState>),
) => void

/** A slice creator, typed without importing zustand (state/ is the only folder that does). */
export type SliceCreator<Slice> = (
  set: SetState,
  get: () => PlaygroundState,
  ...rest: unknown[]
) => Slice
