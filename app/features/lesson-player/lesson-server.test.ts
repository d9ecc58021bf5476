import { describe, expect, it, vi } from 'vitest'
import type { Playground } from '../../playground/playground'
import type { PlaygroundState } from '../../state/store'
import { ensureServerRuns, isServerRunning, loadServer } from './lesson-server'

/** Just what lesson-server.ts touches: loadServerCode, and the server's origin and code. */
function fakePlayground() {
  const server = { codeOrigin: 'sample', originalSource: 'sample code' }
  const loaded: string[] = []
  const playground = {
    // Like the real one: the new code runs a moment later.
    loadServerCode: vi.fn(async (source: string) => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      server.originalSource = source
      loaded.push(source)
    }),
  } as unknown as Playground
  const getState = () =>
    ({
      server,
      updateServer: (change: Partial<typeof server>) => Object.assign(server, change),
    }) as unknown as PlaygroundState
  return { playground, getState, loaded }
}

describe('ensureServerRuns', () => {
  it('does nothing when the server already runs that code', async () => {
    const { playground, getState } = fakePlayground()
    await ensureServerRuns(playground, getState, 'sample', 'sample code')
    expect(playground.loadServerCode).not.toHaveBeenCalled()
  })

  it('loads the code when another origin runs', async () => {
    const { playground, getState, loaded } = fakePlayground()
    const done = ensureServerRuns(playground, getState, '01-a', 'lesson code')
    expect(isServerRunning(playground, getState(), '01-a', 'lesson code')).toBe(false)
    await done
    expect(loaded).toEqual(['lesson code'])
    expect(getState().server.codeOrigin).toBe('01-a')
    expect(isServerRunning(playground, getState(), '01-a', 'lesson code')).toBe(true)
  })

  it('joins a load of the same origin already under way (StrictMode runs effects twice)', async () => {
    const { playground, getState } = fakePlayground()
    const first = ensureServerRuns(playground, getState, '01-a', 'lesson code')
    const second = ensureServerRuns(playground, getState, '01-a', 'lesson code')
    await Promise.all([first, second])
    expect(playground.loadServerCode).toHaveBeenCalledTimes(1)
  })
})

describe('loadServer', () => {
  it('loads again even when the code already runs ("Reset lesson")', async () => {
    const { playground, getState, loaded } = fakePlayground()
    const done = loadServer(playground, getState, 'sample', 'sample code')
    await done
    expect(loaded).toEqual(['sample code'])
  })
})
