// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useFollowNewest } from './use-follow-newest'

function Log({ entries }: { entries: string[] }) {
  const { ref, onScroll } = useFollowNewest<HTMLOListElement>(entries.length)
  return (
    <ol aria-label="log" ref={ref} onScroll={onScroll}>
      {entries.map((entry) => (
        <li key={entry}>{entry}</li>
      ))}
    </ol>
  )
}

/** jsdom lays nothing out: the list's sizes are what the test says they are. */
function giveSizes(element: HTMLElement, sizes: { scrollHeight: number; clientHeight: number }) {
  Object.defineProperty(element, 'scrollHeight', { configurable: true, value: sizes.scrollHeight })
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: sizes.clientHeight })
}

const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
const entries = (count: number) => Array.from({ length: count }, (_, index) => `entry ${index}`)

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useFollowNewest', () => {
  it('scrolls to the newest entry in the frame after it arrives, not during the commit', async () => {
    const { rerender } = render(<Log entries={entries(3)} />)
    const log = screen.getByRole('list', { name: 'log' })
    giveSizes(log, { scrollHeight: 600, clientHeight: 100 })
    rerender(<Log entries={entries(4)} />)
    expect(log.scrollTop).toBe(0)
    await nextFrame()
    expect(log.scrollTop).toBe(600)
  })

  it('stops following once the learner scrolls up, and follows again back at the bottom', async () => {
    const { rerender } = render(<Log entries={entries(3)} />)
    const log = screen.getByRole('list', { name: 'log' })
    giveSizes(log, { scrollHeight: 600, clientHeight: 100 })

    log.scrollTop = 120
    fireEvent.scroll(log)
    rerender(<Log entries={entries(4)} />)
    await nextFrame()
    expect(log.scrollTop).toBe(120)

    log.scrollTop = 480
    fireEvent.scroll(log)
    giveSizes(log, { scrollHeight: 700, clientHeight: 100 })
    rerender(<Log entries={entries(5)} />)
    await nextFrame()
    expect(log.scrollTop).toBe(700)
  })

  it('goes to the newest entry when its hidden panel is shown, if it was following', async () => {
    // jsdom has no ResizeObserver: this one lets the spec say when the list's size changed.
    const resized: Array<() => void> = []
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resized.push(callback)
        }
        observe() {}
        disconnect() {}
      },
    )
    const { rerender } = render(<Log entries={entries(3)} />)
    const log = screen.getByRole('list', { name: 'log' })
    // Hidden: no height, nothing to scroll, while entries keep arriving.
    giveSizes(log, { scrollHeight: 0, clientHeight: 0 })
    rerender(<Log entries={entries(9)} />)
    await nextFrame()
    expect(log.scrollTop).toBe(0)

    giveSizes(log, { scrollHeight: 900, clientHeight: 100 })
    act(() => resized.forEach((callback) => callback()))
    expect(log.scrollTop).toBe(900)
  })
})
