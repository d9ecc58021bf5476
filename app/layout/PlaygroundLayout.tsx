import { usePlayground } from '../playground/playground-context'
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { StepProgressSlot } from '../shared/step-progress-slot'
import { usePlaygroundState } from '../state/use-playground-state'
import type { LayoutSizes } from '../state/preferences-slice'
import { Splitter } from './Splitter'
import { TabbedPanels } from './TabbedPanels'
import { PHONE_QUERY, useMediaQuery } from './use-media-query'
import './layout.css'

export interface LayoutPanel {
  id: string
  title: string
  content: ReactNode
  /**
   * Wants most of its column's height while shown (the code editor): the column's splitter then
   * has a position of its own, remembered apart from the one for the other tabs.
   */
  tall?: boolean
}

type SizeKey = keyof LayoutSizes

interface Resizing {
  sizes: LayoutSizes
  splitterProps: (key: SizeKey) => {
    valuePercent: number
    onResize: (percent: number) => void
    onResizeEnd: (percent: number) => void
  }
}

/** Splitter positions: saved in preferences, overridden while a splitter is being dragged. */
function useLayoutSizes(): Resizing {
  const saved = usePlaygroundState((state) => state.preferences.layout)
  const setPreferences = usePlayground().learner.setPreferences
  const [dragged, setDragged] = useState<Partial<LayoutSizes>>({})
  const sizes = { ...saved, ...dragged }
  return {
    sizes,
    splitterProps: (key) => ({
      valuePercent: sizes[key],
      onResize: (percent) => setDragged({ [key]: percent }),
      onResizeEnd: (percent) => {
        setDragged({})
        setPreferences({ layout: { ...saved, [key]: percent } })
      },
    }),
  }
}

/** The scrolling parts of the layout: panes, phone tab panels and the lesson column. */
const SCROLLERS = '.layout-pane, .layout-tabpanel, .layout-lesson'

/**
 * Other code (a lesson opened, free play) brings other panels' content: every pane starts again
 * at its top, so no pane opens scrolled past its heading by what the last lesson showed.
 */
function useScrollsToTopForNewCode<T extends HTMLElement>() {
  const root = useRef<T>(null)
  const codeOrigin = usePlaygroundState((state) => state.server.codeOrigin)
  const shownOrigin = useRef(codeOrigin)
  useEffect(() => {
    if (shownOrigin.current === codeOrigin) return
    shownOrigin.current = codeOrigin
    root.current?.querySelectorAll<HTMLElement>(SCROLLERS).forEach((scroller) => {
      scroller.scrollTop = 0
    })
  }, [codeOrigin])
  return root
}

function PreferencesNotice() {
  const notice = usePlaygroundState((state) => state.preferencesNotice)
  const dismiss = usePlayground().learner.dismissPreferencesNotice
  if (!notice) return null
  return (
    <div className="layout-notice" role="status">
      <p>{notice}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}

/** One panel, or several sharing the area as tabs. */
function Area({
  panels,
  idPrefix,
  onSelectedChange,
}: {
  panels: LayoutPanel[]
  idPrefix: string
  onSelectedChange: (panelId: string | undefined) => void
}) {
  const [only] = panels
  if (panels.length === 1 && only) return <>{only.content}</>
  return (
    <TabbedPanels
      panels={panels}
      label={titles(panels)}
      idPrefix={idPrefix}
      onSelectedChange={onSelectedChange}
    />
  )
}

function titles(panels: LayoutPanel[]): string {
  return panels.map((panel) => panel.title).join(', ')
}

/**
 * A column of two areas, one above the other, with a splitter between them. The splitter sits
 * where it was last left for the panel shown below: `tallSplitter` while that is a tall one.
 */
function Column({
  top,
  bottom,
  id,
  splitter: usualSplitter,
  tallSplitter = usualSplitter,
}: {
  top: LayoutPanel
  bottom: LayoutPanel[]
  id: string
  splitter: ReturnType<Resizing['splitterProps']>
  tallSplitter?: ReturnType<Resizing['splitterProps']>
}) {
  const [shownId, setShownId] = useState<string | undefined>(bottom[0]?.id)
  const shown = bottom.find((panel) => panel.id === shownId) ?? bottom[0]
  const splitter = shown?.tall ? tallSplitter : usualSplitter
  if (bottom.length === 0) {
    return (
      <div className="layout-column" id={id}>
        <div className="layout-pane">{top.content}</div>
      </div>
    )
  }
  const topId = `${id}-top`
  const style = { '--layout-split': splitter.valuePercent } as CSSProperties
  return (
    <div className="layout-column layout-column-split" id={id} style={style}>
      <div className="layout-pane" id={topId}>
        {top.content}
      </div>
      <Splitter
        orientation="horizontal"
        label={`Resize ${top.title} and ${titles(bottom)}`}
        controls={topId}
        {...splitter}
      />
      <div className="layout-pane">
        <Area panels={bottom} idPrefix={`${id}-bottom`} onSelectedChange={setShownId} />
      </div>
    </div>
  )
}

/**
 * Desktop: the lesson in a sidebar, then two resizable columns. By the order of `panels`, the
 * first two stack on the left (browser over cookies: the learner's side), the third tops the
 * right column (network), and the rest share the area below it as tabs (store, console, server
 * code). A phone (≤ 600 px) shows one panel at a time, chosen from tabs, the lesson first.
 */
export function PlaygroundLayout({
  header,
  toolbar,
  lesson,
  panels,
}: {
  header: ReactNode
  toolbar: ReactNode
  lesson?: LayoutPanel | undefined
  panels: LayoutPanel[]
}) {
  const phone = useMediaQuery(PHONE_QUERY)
  const { sizes, splitterProps } = useLayoutSizes()
  const [stepProgress, setStepProgress] = useState<HTMLElement | null>(null)
  const root = useScrollsToTopForNewCode<HTMLDivElement>()
  const [browser, cookies, network, ...rest] = panels
  const left = browser && { top: browser, bottom: cookies ? [cookies] : [] }
  const right = network && { top: network, bottom: rest }

  return (
    <StepProgressSlot.Provider value={phone ? stepProgress : null}>
      <div ref={root} className={`app ${phone ? 'layout-phone' : 'layout-desktop'}`}>
        <header className="app-header">
          <div className="app-title">{header}</div>
          <div className="app-toolbar">{toolbar}</div>
        </header>
        <PreferencesNotice />
        <main className="app-main">
          {phone ? (
            <TabbedPanels
              panels={lesson ? [lesson, ...panels] : panels}
              label="Panels"
              idPrefix="layout-phone"
              above={<p className="layout-step-progress" ref={setStepProgress} />}
            />
          ) : (
            <div className={lesson ? 'layout-with-lesson' : 'layout-without-lesson'}>
              {lesson && (
                <aside className="layout-lesson" aria-label={lesson.title}>
                  {lesson.content}
                </aside>
              )}
              <div
                className={`layout-columns${right ? ' layout-columns-split' : ''}`}
                style={{ '--layout-split': sizes.leftColumnPercent } as CSSProperties}
              >
                {left && (
                  <Column id="layout-left" splitter={splitterProps('leftTopPercent')} {...left} />
                )}
                {right && (
                  <>
                    <Splitter
                      orientation="vertical"
                      label="Resize the left and right columns"
                      controls="layout-left"
                      {...splitterProps('leftColumnPercent')}
                    />
                    <Column
                      id="layout-right"
                      splitter={splitterProps('rightTopPercent')}
                      tallSplitter={splitterProps('rightTopTallPercent')}
                      {...right}
                    />
                  </>
                )}
              </div>
            </div>
          )}
        </main>
      </div>
    </StepProgressSlot.Provider>
  )
}
