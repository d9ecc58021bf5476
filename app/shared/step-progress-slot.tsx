import { createContext, useContext, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * Where the open lesson shows its current step's progress outside its own panel. The layout
 * provides an element on a phone, where the lesson is one tab among others and the learner is
 * mostly on another; elsewhere there is none and nothing is shown twice.
 */
export const StepProgressSlot = createContext<HTMLElement | null>(null)

/** Renders `children` into the layout's step progress slot, if it has one. */
export function StepProgressPortal({ children }: { children: ReactNode }) {
  const slot = useContext(StepProgressSlot)
  return slot ? createPortal(children, slot) : null
}
