import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { LAYOUT_PERCENT_MAX, LAYOUT_PERCENT_MIN } from '../state/preferences-slice'

/** Arrow keys move a splitter by this many percent; with Shift, by `BIG_STEP`. */
const STEP = 2
const BIG_STEP = 10

export function clampPercent(percent: number): number {
  return Math.min(LAYOUT_PERCENT_MAX, Math.max(LAYOUT_PERCENT_MIN, percent))
}

export interface SplitterProps {
  /**
   * As in ARIA: a `vertical` separator is a vertical bar between panes side by side (it moves
   * left and right); a `horizontal` one lies between panes stacked on top of each other.
   */
  orientation: 'vertical' | 'horizontal'
  /** The first pane's share of the area, in percent. */
  valuePercent: number
  /** What the separator resizes, e.g. "Resize Browser and Network columns". */
  label: string
  /** The id of the first pane, the one whose size `valuePercent` is. */
  controls: string
  /** While dragging: the size to show. */
  onResize: (percent: number) => void
  /** When a drag ends or a key was pressed: the size to keep. */
  onResizeEnd: (percent: number) => void
}

/**
 * A draggable, keyboard-operable splitter: the WAI-ARIA window splitter pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/). Arrow keys along its axis move
 * it, Shift makes the steps bigger, Home and End go to the limits.
 */
export function Splitter({
  orientation,
  valuePercent,
  label,
  controls,
  onResize,
  onResizeEnd,
}: SplitterProps) {
  const dragPercent = useRef<number | undefined>(undefined)
  const vertical = orientation === 'vertical'

  function percentAt(event: PointerEvent<HTMLDivElement>): number {
    const area = event.currentTarget.parentElement?.getBoundingClientRect()
    if (!area || (vertical ? area.width : area.height) === 0) return valuePercent
    const offset = vertical ? event.clientX - area.left : event.clientY - area.top
    const percent = (offset / (vertical ? area.width : area.height)) * 100
    return clampPercent(Math.round(percent * 10) / 10)
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
    dragPercent.current = valuePercent
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (dragPercent.current === undefined) return
    dragPercent.current = percentAt(event)
    onResize(dragPercent.current)
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>): void {
    if (dragPercent.current === undefined) return
    const percent = dragPercent.current
    dragPercent.current = undefined
    event.currentTarget.releasePointerCapture(event.pointerId)
    onResizeEnd(percent)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.shiftKey ? BIG_STEP : STEP
    const [smaller, larger] = vertical ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown']
    let next: number
    if (event.key === smaller) next = valuePercent - step
    else if (event.key === larger) next = valuePercent + step
    else if (event.key === 'Home') next = LAYOUT_PERCENT_MIN
    else if (event.key === 'End') next = LAYOUT_PERCENT_MAX
    else return
    event.preventDefault()
    onResizeEnd(clampPercent(Math.round(next)))
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(valuePercent)}
      aria-valuemin={LAYOUT_PERCENT_MIN}
      aria-valuemax={LAYOUT_PERCENT_MAX}
      className={`layout-splitter layout-splitter-${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
