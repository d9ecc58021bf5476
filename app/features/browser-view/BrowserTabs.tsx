import { useRef, useState, type KeyboardEvent } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { type TabState } from '../../state/browsers-slice'
import { PROFILE_NAMES, type ProfileName } from '../../shared/profile-names'
import { ProfileChip } from '../../shared/ProfileChip'
import { pageTitle } from './page-document'

export const BROWSER_WINDOW_ID = 'browser-window'

export function tabElementId(tabId: number): string {
  return `browser-tab-${tabId}`
}

function tabTitle(tab: TabState): string {
  return tab.loading && !tab.page ? 'Loading…' : pageTitle(tab.page)
}

/** Chrome's tab strip: one tab per page, each labelled with its profile; "+" opens another. */
export function BrowserTabs({
  tabs,
  activeTabId,
  onOpened,
}: {
  tabs: TabState[]
  activeTabId: number
  onOpened: (tabId: number) => void
}) {
  const playground = usePlayground()
  const list = useRef<HTMLDivElement>(null)

  // Arrow keys move between tabs, as in the ARIA tabs pattern.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    const index = tabs.findIndex((tab) => tab.id === activeTabId)
    const next = tabs[(index + step + tabs.length) % tabs.length]
    if (!next) return
    event.preventDefault()
    playground.activateTab(next.id)
    list.current?.querySelector<HTMLElement>(`#${tabElementId(next.id)}`)?.focus()
  }

  return (
    <div className="bv-tabstrip">
      {/* Each tab sits beside its close button, as in Chrome, but a tablist may hold nothing
          but tabs: the strip itself has no role, and an empty tablist owns the tab buttons. */}
      <div className="bv-tabs" ref={list} onKeyDown={onKeyDown}>
        <div
          role="tablist"
          aria-label="Browser tabs"
          aria-owns={tabs.map((tab) => tabElementId(tab.id)).join(' ')}
          className="bv-tablist-owner"
        />
        {tabs.map((tab) => {
          const active = tab.id === activeTabId
          const title = tabTitle(tab)
          return (
            <div key={tab.id} className="bv-tab" data-profile={tab.profile} data-active={active}>
              <button
                type="button"
                role="tab"
                id={tabElementId(tab.id)}
                aria-selected={active}
                aria-controls={BROWSER_WINDOW_ID}
                tabIndex={active ? 0 : -1}
                className="bv-tab-button"
                onClick={() => playground.activateTab(tab.id)}
              >
                <ProfileChip profile={tab.profile} />
                <span className="bv-tab-title" title={title}>
                  {title}
                </span>
              </button>
              <button
                type="button"
                className="bv-tab-close"
                aria-label={`Close ${tab.profile}’s tab “${title}”`}
                title={tabs.length === 1 ? 'The last tab stays open' : 'Close tab'}
                disabled={tabs.length === 1}
                onClick={() => playground.closeTab(tab.id)}
              >
                ×
              </button>
            </div>
          )
        })}
      </div>
      <NewTabMenu
        onOpen={(profile) => {
          onOpened(playground.openTab(profile))
        }}
      />
    </div>
  )
}

function NewTabMenu({ onOpen }: { onOpen: (profile: ProfileName) => void }) {
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  return (
    <div
      className="bv-new-tab"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        setOpen(false)
        toggle.current?.focus()
      }}
      // Closes when focus moves elsewhere, like any menu.
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="bv-new-tab-toggle"
        aria-label="Open a new tab"
        title="Open a new tab"
        aria-expanded={open}
        aria-controls="browser-new-tab-menu"
        onClick={() => setOpen(!open)}
      >
        +
      </button>
      {open && (
        <div
          id="browser-new-tab-menu"
          className="bv-new-tab-menu"
          role="group"
          aria-labelledby="browser-new-tab-caption"
        >
          <p id="browser-new-tab-caption" className="bv-new-tab-caption">
            New tab for
          </p>
          {PROFILE_NAMES.map((profile) => (
            <button
              key={profile}
              type="button"
              aria-label={`New tab for ${profile}`}
              onClick={() => {
                setOpen(false)
                onOpen(profile)
              }}
            >
              <ProfileChip profile={profile} />
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
