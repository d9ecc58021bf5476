/**
 * The thin React binding of the playground store: panels select what they show from a view of the
 * state that has no setters. What they change, they change through the controller.
 */
import { useStore } from 'zustand'
import { playgroundStore, type PlaygroundView } from './store'

export function usePlaygroundState<Selected>(
  selector: (state: PlaygroundView) => Selected,
): Selected {
  return useStore(playgroundStore, selector)
}

/** The state as it is now, for an event handler that reads it once without subscribing. */
export function readPlaygroundState(): PlaygroundView {
  return playgroundStore.getState()
}
