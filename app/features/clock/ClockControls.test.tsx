// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlaygroundProvider } from '../../playground/playground-context'
import type { Playground } from '../../playground/playground'
import { playgroundStore } from '../../state/store'
import { ClockControls } from './ClockControls'
import { startPlaygroundWithServer } from '../../../tests/support/playground-harness'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const initialState = playgroundStore.getState()
let dispose: (() => void) | undefined

beforeEach(() => {
  playgroundStore.setState(initialState, true)
})

afterEach(() => {
  cleanup()
  dispose?.()
  dispose = undefined
  vi.useRealTimers()
})

/** Renders the clock over a real playground whose server clock starts at `startMs`, frozen. */
async function renderWithServer() {
  const startMs = Date.now()
  const { playground, server } = await startPlaygroundWithServer({ startMs: startMs })
  dispose = () => playground.dispose()
  render(
    <PlaygroundProvider playground={playground}>
      <ClockControls />
    </PlaygroundProvider>,
  )
  /** How far the server's own clock has moved since it started. */
  const serverAdvancedMs = async () => (await server.advanceClock(0)) - startMs
  return { user: userEvent.setup(), serverAdvancedMs }
}

function shownTime(): number {
  return Date.parse(document.querySelector('time')?.getAttribute('datetime') ?? '')
}

describe('ClockControls', () => {
  describe('the fast-forward buttons', () => {
    it('move the server clock by a minute, an hour and a day', async () => {
      const { user, serverAdvancedMs } = await renderWithServer()
      await user.click(screen.getByRole('button', { name: '+1 min' }))
      expect(await serverAdvancedMs()).toBe(MINUTE)
      await user.click(screen.getByRole('button', { name: '+1 h' }))
      expect(await serverAdvancedMs()).toBe(MINUTE + HOUR)
      await user.click(screen.getByRole('button', { name: '+1 day' }))
      expect(await serverAdvancedMs()).toBe(MINUTE + HOUR + DAY)
    })

    it('show the new virtual time and how far it is ahead of real time', async () => {
      // The display reads real time from Date: freeze it, so the shown time moves only by +1 day.
      vi.useFakeTimers({ now: Date.UTC(2030, 0, 1), toFake: ['Date'] })
      const { user } = await renderWithServer()
      const before = shownTime()
      expect(before).toBe(Date.UTC(2030, 0, 1))
      await user.click(screen.getByRole('button', { name: '+1 day' }))
      expect(shownTime() - before).toBe(DAY)
      expect(screen.getByText(/ahead of real time/).textContent).toBe('(1 day ahead of real time)')
      expect(screen.getByRole('status').textContent).toBe('Moved the clock forward by 1 day.')
    })

    it('explain what fast-forwarding does', async () => {
      const { user } = await renderWithServer()
      const button = screen.getByRole('button', { name: '+1 h' })
      const explainer = document.getElementById(button.getAttribute('aria-describedby') ?? '')
      expect(explainer?.textContent).toBe(
        'Fast-forward time: cookies in the jars and sessions in the store expire as they would.',
      )
      expect(explainer?.hidden).toBe(true)
      await user.click(screen.getByRole('button', { name: 'About the virtual clock' }))
      expect(explainer?.hidden).toBe(false)
    })
  })

  describe('a typed amount', () => {
    it.each([
      ['90s', 90_000],
      ['15m', 15 * MINUTE],
      ['2h', 2 * HOUR],
      ['1d', DAY],
      ['1500', 1500],
    ])('%j moves the server clock by %i ms', async (typed, ms) => {
      const { user, serverAdvancedMs } = await renderWithServer()
      await user.type(screen.getByRole('textbox', { name: 'Fast-forward by' }), `${typed}{Enter}`)
      expect(await serverAdvancedMs()).toBe(ms)
    })

    it('that is not a time is rejected with a message, and the clock stays', async () => {
      const { user, serverAdvancedMs } = await renderWithServer()
      const input = screen.getByRole('textbox', { name: 'Fast-forward by' })
      await user.type(input, 'abc')
      await user.click(screen.getByRole('button', { name: 'Go' }))

      expect(screen.getByRole('alert').textContent).toMatch(/“abc” is not an amount of time/)
      expect(input.getAttribute('aria-invalid')).toBe('true')
      expect(input.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id)
      expect(await serverAdvancedMs()).toBe(0)

      await user.clear(input)
      await user.type(input, '15m{Enter}')
      expect(screen.queryByRole('alert')).toBeNull()
      expect(input.getAttribute('aria-invalid')).toBe('false')
      expect(await serverAdvancedMs()).toBe(15 * MINUTE)
    })
  })

  it('ticks every second, ahead of real time by the server clock offset', () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 3, 12, 0, 0), toFake: ['Date', 'setInterval'] })
    playgroundStore.getState().updateServer({ clockOffsetMs: HOUR })
    render(
      <PlaygroundProvider playground={{} as Playground}>
        <ClockControls />
      </PlaygroundProvider>,
    )
    expect(shownTime()).toBe(Date.UTC(2025, 5, 3, 13, 0, 0))
    act(() => vi.advanceTimersByTime(1000))
    expect(shownTime()).toBe(Date.UTC(2025, 5, 3, 13, 0, 1))
    expect(document.querySelector('time')?.getAttribute('aria-live')).toBe('off')
  })

  describe('pause and resume', () => {
    it('pause the server clock and the time shown, and say so; resume lets both run again', async () => {
      const { user } = await renderWithServer()
      const pause = screen.getByRole('button', { name: 'Pause' })
      expect(pause.getAttribute('aria-pressed')).toBe('false')
      await user.click(pause)

      const resume = await screen.findByRole('button', { name: 'Resume' })
      expect(resume.getAttribute('aria-pressed')).toBe('true')
      expect(screen.getByText('(paused)')).toBeTruthy()
      const pausedAt = playgroundStore.getState().server.clockPausedAtMs
      expect(pausedAt).toBeDefined()
      expect(shownTime()).toBe(pausedAt)

      await user.click(screen.getByRole('button', { name: '+1 min' }))
      expect(playgroundStore.getState().server.clockPausedAtMs).toBe((pausedAt ?? 0) + MINUTE)

      await user.click(resume)
      expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy()
      expect(playgroundStore.getState().server.clockPausedAtMs).toBeUndefined()
      expect(screen.getByRole('status').textContent).toBe('The clock runs with real time again.')
    })
  })
})
