// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { playgroundStore } from '../state/store'
import { DEFAULT_LAYOUT } from '../state/preferences-slice'
import { PlaygroundLayout, type LayoutPanel } from './PlaygroundLayout'
import { StepProgressPortal } from '../shared/step-progress-slot'
import type { Playground } from '../playground/playground'
import {
  idlePlayground,
  renderWithPlayground,
  stopPlaygrounds,
} from '../../tests/support/playground-harness'

/** A stand-in for window.matchMedia whose width the test sets. */
function installScreen(width: number) {
  const listeners = new Set<() => void>()
  const screenState = { width }
  window.matchMedia = (query: string) => {
    const maxWidth = Number(/max-width:\s*(\d+)px/.exec(query)?.[1] ?? Infinity)
    return {
      media: query,
      get matches() {
        return screenState.width <= maxWidth
      },
      onchange: null,
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    } as unknown as MediaQueryList
  }
  return {
    resize(next: number) {
      screenState.width = next
      act(() => listeners.forEach((listener) => listener()))
    },
  }
}

const TITLES = ['Browser', 'Cookies', 'Network', 'Session store', 'Console', 'Server']
const panels: LayoutPanel[] = TITLES.map((title) => ({
  id: title.toLowerCase().replace(' ', '-'),
  title,
  tall: title === 'Server',
  content: (
    <section aria-label={title} className="panel">
      <h2>{title}</h2>
      <button type="button">Act in {title}</button>
    </section>
  ),
}))

/** A lesson panel whose step reports its progress through the layout's slot. */
const lesson: LayoutPanel = {
  id: 'lesson',
  title: 'Lesson',
  content: (
    <section aria-label="Lesson" className="panel">
      <h2>Lesson</h2>
      <p>Step 2 of 4</p>
      <StepProgressPortal>Step 2 of 4 · 1/2 checks</StepProgressPortal>
    </section>
  ),
}

function renderLayout({ withLesson = false }: { withLesson?: boolean } = {}) {
  return renderWithPlayground(
    playground,
    <PlaygroundLayout
      header={<h1>Session Playground</h1>}
      toolbar={<button type="button">+1 h</button>}
      lesson={withLesson ? lesson : undefined}
      panels={panels}
    />,
  )
}

function visiblePanelTitles(): string[] {
  return screen.queryAllByRole('region').map((region) => region.getAttribute('aria-label') ?? '')
}

let playground: Playground

beforeEach(() => {
  // Resets the store too: each spec starts from the first state.
  playground = idlePlayground().playground
})

afterEach(() => {
  cleanup()
  stopPlaygrounds()
  localStorage.clear()
})

describe('PlaygroundLayout', () => {
  it('has a header with the toolbar and a main area', () => {
    installScreen(1280)
    renderLayout()
    const header = screen.getByRole('banner')
    expect(within(header).getByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Session Playground',
    )
    expect(within(header).getByRole('button', { name: '+1 h' })).toBeTruthy()
    expect(screen.getByRole('main')).toBeTruthy()
  })

  describe('on a phone (600px wide or less)', () => {
    it('shows one panel at a time under a tab per panel', () => {
      installScreen(390)
      renderLayout()
      const tabs = within(screen.getByRole('tablist', { name: 'Panels' })).getAllByRole('tab')
      expect(tabs.map((tab) => tab.textContent)).toEqual(TITLES)
      expect(tabs[0]?.getAttribute('aria-selected')).toBe('true')
      expect(visiblePanelTitles()).toEqual(['Browser'])
      expect(screen.queryAllByRole('separator')).toEqual([])
    })

    it('moves between tabs with the arrow keys, Home and End, wrapping around', async () => {
      installScreen(390)
      renderLayout()
      const user = userEvent.setup()
      await user.click(screen.getByRole('tab', { name: 'Browser' }))

      await user.keyboard('{ArrowRight}')
      expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Cookies' }))
      expect(visiblePanelTitles()).toEqual(['Cookies'])

      await user.keyboard('{End}')
      expect(visiblePanelTitles()).toEqual(['Server'])
      await user.keyboard('{ArrowRight}')
      expect(visiblePanelTitles()).toEqual(['Browser'])
      await user.keyboard('{ArrowLeft}')
      expect(visiblePanelTitles()).toEqual(['Server'])
      await user.keyboard('{Home}')
      expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Browser' }))
    })

    it('shows the step’s progress above the tabs, whichever panel is open', async () => {
      installScreen(390)
      renderLayout({ withLesson: true })
      await userEvent.setup().click(screen.getByRole('tab', { name: 'Cookies' }))
      expect(visiblePanelTitles()).toEqual(['Cookies'])
      const progress = screen.getByText('Step 2 of 4 · 1/2 checks')
      expect(progress.closest('[role="tabpanel"]')).toBeNull()
      expect(progress.closest('[hidden]')).toBeNull()
    })

    it('keeps only the selected tab in the tab order', async () => {
      installScreen(390)
      renderLayout()
      const user = userEvent.setup()
      await user.click(screen.getByRole('tab', { name: 'Network' }))
      const tabbable = screen
        .getAllByRole('tab')
        .filter((tab) => tab.getAttribute('tabindex') === '0')
      expect(tabbable.map((tab) => tab.textContent)).toEqual(['Network'])
      expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabbable[0]?.id)
    })
  })

  describe('on a wider screen', () => {
    it('shows the first panels side by side and the rest as tabs', () => {
      installScreen(1280)
      renderLayout()
      expect(screen.queryByRole('tablist', { name: 'Panels' })).toBeNull()
      expect(visiblePanelTitles()).toEqual(['Browser', 'Cookies', 'Network', 'Session store'])
      expect(screen.queryByText(/1\/2 checks/)).toBeNull()
      const tabs = within(screen.getByRole('tablist')).getAllByRole('tab')
      expect(tabs.map((tab) => tab.textContent)).toEqual(['Session store', 'Console', 'Server'])
    })

    it('switches to tabs when the window narrows to a phone width', () => {
      const display = installScreen(1280)
      renderLayout()
      display.resize(390)
      expect(screen.getByRole('tablist', { name: 'Panels' })).toBeTruthy()
      display.resize(1024)
      expect(screen.queryByRole('tablist', { name: 'Panels' })).toBeNull()
    })
  })

  describe('splitters', () => {
    it('resize the columns with the arrow keys and keep the size in preferences', async () => {
      installScreen(1280)
      renderLayout()
      const user = userEvent.setup()
      const columns = screen.getByRole('separator', { name: 'Resize the left and right columns' })
      expect(columns.getAttribute('aria-orientation')).toBe('vertical')
      expect(columns.getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.leftColumnPercent))

      columns.focus()
      await user.keyboard('{ArrowRight}')
      expect(columns.getAttribute('aria-valuenow')).toBe('52')
      await user.keyboard('{Shift>}{ArrowLeft}{/Shift}')
      expect(columns.getAttribute('aria-valuenow')).toBe('42')
      expect(playgroundStore.getState().preferences.layout.leftColumnPercent).toBe(42)

      await user.keyboard('{Home}')
      expect(columns.getAttribute('aria-valuenow')).toBe('20')
      await user.keyboard('{ArrowLeft}')
      expect(columns.getAttribute('aria-valuenow')).toBe('20')
      await user.keyboard('{End}')
      expect(columns.getAttribute('aria-valuenow')).toBe('80')
    })

    it('resize stacked panels with the up and down arrows', async () => {
      installScreen(1280)
      renderLayout()
      const user = userEvent.setup()
      const rows = screen.getByRole('separator', { name: 'Resize Browser and Cookies' })
      expect(rows.getAttribute('aria-orientation')).toBe('horizontal')
      rows.focus()
      await user.keyboard('{ArrowDown}{ArrowDown}')
      expect(rows.getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.leftTopPercent + 4))
      await user.keyboard('{ArrowRight}')
      expect(rows.getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.leftTopPercent + 4))
      expect(playgroundStore.getState().preferences.layout.leftTopPercent).toBe(
        DEFAULT_LAYOUT.leftTopPercent + 4,
      )
    })

    it('start where the saved preferences put them', () => {
      installScreen(1280)
      playgroundStore.getState().setPreferences({
        layout: {
          leftColumnPercent: 35,
          leftTopPercent: 60,
          rightTopPercent: 30,
          rightTopTallPercent: 25,
        },
      })
      renderLayout()
      const values = screen
        .getAllByRole('separator')
        .map((separator) => [
          separator.getAttribute('aria-label'),
          separator.getAttribute('aria-valuenow'),
        ])
      expect(values).toEqual([
        ['Resize Browser and Cookies', '60'],
        ['Resize the left and right columns', '35'],
        ['Resize Network and Session store, Console, Server', '30'],
      ])
    })

    it('give the code editor a column split of its own, remembered apart', async () => {
      installScreen(1280)
      renderLayout()
      const user = userEvent.setup()
      const split = () =>
        screen.getByRole('separator', { name: 'Resize Network and Session store, Console, Server' })
      expect(split().getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.rightTopPercent))

      await user.click(screen.getByRole('tab', { name: 'Server' }))
      expect(split().getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.rightTopTallPercent))
      split().focus()
      await user.keyboard('{ArrowDown}')
      const tall = DEFAULT_LAYOUT.rightTopTallPercent + 2
      expect(split().getAttribute('aria-valuenow')).toBe(String(tall))

      await user.click(screen.getByRole('tab', { name: 'Console' }))
      expect(split().getAttribute('aria-valuenow')).toBe(String(DEFAULT_LAYOUT.rightTopPercent))
      await user.click(screen.getByRole('tab', { name: 'Server' }))
      expect(split().getAttribute('aria-valuenow')).toBe(String(tall))
      expect(playgroundStore.getState().preferences.layout).toEqual({
        ...DEFAULT_LAYOUT,
        rightTopTallPercent: tall,
      })
    })
  })

  it('tells the learner when saved settings were reset, until dismissed', async () => {
    installScreen(1280)
    playgroundStore.setState({ preferencesNotice: 'Your saved settings were reset.' })
    renderLayout()
    expect(screen.getByRole('status').textContent).toContain('Your saved settings were reset.')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('starts every pane at its top when other code is loaded (a new lesson)', () => {
    installScreen(1280)
    const { container } = renderLayout()
    const panes = [...container.querySelectorAll<HTMLElement>('.layout-pane')]
    expect(panes.length).toBeGreaterThan(0)
    panes.forEach((pane) => (pane.scrollTop = 250))
    act(() => playgroundStore.getState().updateServer({ codeOrigin: '02-session-cookie' }))
    expect(panes.map((pane) => pane.scrollTop)).toEqual(panes.map(() => 0))
  })
})
