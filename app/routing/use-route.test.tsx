// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { navigate, useRoute } from './use-route'

function ShowRoute() {
  return <output>{JSON.stringify(useRoute())}</output>
}

beforeEach(() => window.history.replaceState(null, '', '#/lessons'))
afterEach(() => cleanup())

describe('useRoute', () => {
  it('reads the route from the fragment', () => {
    window.history.replaceState(null, '', '#/lessons/01-first-session/visit-again')
    render(<ShowRoute />)
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({
      name: 'lesson',
      lessonId: '01-first-session',
      stepId: 'visit-again',
    })
  })

  it('follows navigate() at once, adding a history entry', () => {
    render(<ShowRoute />)
    const entries = window.history.length
    act(() => navigate({ name: 'lesson', lessonId: '01-first-session' }))
    expect(window.location.hash).toBe('#/lessons/01-first-session')
    expect(screen.getByRole('status').textContent).toContain('01-first-session')
    expect(window.history.length).toBe(entries + 1)
  })

  it('replaces the history entry when asked to', () => {
    render(<ShowRoute />)
    const entries = window.history.length
    act(() => navigate({ name: 'free-play' }, { replace: true }))
    expect(window.location.hash).toBe('#/play')
    expect(screen.getByRole('status').textContent).toBe('{"name":"free-play"}')
    expect(window.history.length).toBe(entries)
  })

  it('follows a link or the back button (hashchange)', async () => {
    render(<ShowRoute />)
    await act(async () => {
      window.location.hash = '#/play'
      await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }))
    })
    expect(screen.getByRole('status').textContent).toBe('{"name":"free-play"}')
  })
})
