import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import type { LayoutPanel } from './PlaygroundLayout'

/**
 * Panels that share one area, one visible at a time: the WAI-ARIA tabs pattern with automatic
 * activation (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/). Left and Right move between
 * tabs, wrapping around; Home and End go to the first and last. Hidden panels stay mounted, so
 * what a learner typed in one survives a look at another.
 */
export function TabbedPanels({
  panels,
  label,
  idPrefix,
  onSelectedChange,
  above,
}: {
  panels: LayoutPanel[]
  /** Names the tab list for assistive technology, e.g. "Panels". */
  label: string
  /** Keeps ids unique when several tab groups are on the page. */
  idPrefix: string
  /** Told which panel is shown, on the first render and whenever the learner picks another. */
  onSelectedChange?: ((panelId: string | undefined) => void) | undefined
  /** Shown with the tab strip, kept in view with it (the phone's step progress). */
  above?: ReactNode
}) {
  const [chosenId, setChosenId] = useState(panels[0]?.id)
  const selectedId = panels.some((panel) => panel.id === chosenId) ? chosenId : panels[0]?.id
  // Before paint: the column's split follows the panel shown, with no frame at the old size.
  useLayoutEffect(() => onSelectedChange?.(selectedId), [onSelectedChange, selectedId])
  const bar = useRef<HTMLDivElement>(null)
  const panelElements = useRef(new Map<string, HTMLDivElement>())
  const revealChosen = useRef(false)

  /** Shows another panel; one the learner picks starts at its top, not where the last one was. */
  function choose(panelId: string): void {
    revealChosen.current = true
    setChosenId(panelId)
  }

  // The panels share one scroll (the page on a phone): a panel opened while the last one was
  // scrolled far down would open in its middle. Its top goes to just under the sticky tab bar.
  useEffect(() => {
    if (!revealChosen.current || selectedId === undefined) return
    revealChosen.current = false
    const panel = panelElements.current.get(selectedId)
    const barBottom = bar.current?.getBoundingClientRect().bottom
    if (!panel || barBottom === undefined) return
    if (panel.getBoundingClientRect().top >= barBottom - 1) return
    panel.style.scrollMarginTop = `${bar.current?.offsetHeight ?? 0}px`
    panel.scrollIntoView?.({ block: 'start' })
  }, [selectedId])
  const tabs = useRef(new Map<string, HTMLButtonElement>())
  const tabId = (panel: LayoutPanel) => `${idPrefix}-tab-${panel.id}`
  const panelId = (panel: LayoutPanel) => `${idPrefix}-panel-${panel.id}`

  function select(index: number): void {
    const panel = panels[(index + panels.length) % panels.length]
    if (!panel) return
    choose(panel.id)
    tabs.current.get(panel.id)?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const targets: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: panels.length - 1,
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    select(target)
  }

  return (
    <div className="layout-tabs">
      <div className="layout-tabbar" ref={bar}>
        {above}
        <div role="tablist" aria-label={label} className="layout-tablist">
          {panels.map((panel, index) => {
            const selected = panel.id === selectedId
            return (
              <button
                key={panel.id}
                ref={(element) => {
                  if (element) tabs.current.set(panel.id, element)
                  else tabs.current.delete(panel.id)
                }}
                type="button"
                role="tab"
                id={tabId(panel)}
                aria-selected={selected}
                aria-controls={panelId(panel)}
                tabIndex={selected ? 0 : -1}
                className="layout-tab"
                onClick={() => choose(panel.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {panel.title}
              </button>
            )
          })}
        </div>
      </div>
      {panels.map((panel) => (
        <div
          key={panel.id}
          ref={(element) => {
            if (element) panelElements.current.set(panel.id, element)
            else panelElements.current.delete(panel.id)
          }}
          role="tabpanel"
          id={panelId(panel)}
          aria-labelledby={tabId(panel)}
          hidden={panel.id !== selectedId}
          tabIndex={0}
          className="layout-tabpanel"
        >
          {panel.content}
        </div>
      ))}
    </div>
  )
}
