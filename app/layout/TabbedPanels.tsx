import { useRef, useState, type KeyboardEvent } from 'react'
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
}: {
  panels: LayoutPanel[]
  /** Names the tab list for assistive technology, e.g. "Panels". */
  label: string
  /** Keeps ids unique when several tab groups are on the page. */
  idPrefix: string
}) {
  const [chosenId, setChosenId] = useState(panels[0]?.id)
  const selectedId = panels.some((panel) => panel.id === chosenId) ? chosenId : panels[0]?.id
  const tabs = useRef(new Map<string, HTMLButtonElement>())
  const tabId = (panel: LayoutPanel) => `${idPrefix}-tab-${panel.id}`
  const panelId = (panel: LayoutPanel) => `${idPrefix}-panel-${panel.id}`

  function select(index: number): void {
    const panel = panels[(index + panels.length) % panels.length]
    if (!panel) return
    setChosenId(panel.id)
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
              onClick={() => setChosenId(panel.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {panel.title}
            </button>
          )
        })}
      </div>
      {panels.map((panel) => (
        <div
          key={panel.id}
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
