import { describe, expect, it, vi } from 'vitest'
import type { PlaygroundState } from '../state/store'
import { LessonLoadQueue } from './lesson-load-queue'

/** Just what the queue touches: the server's origin and code, and a load that takes a moment. */
function queueOnFakeServer() {
  const server = { codeOrigin: 'sample', originalSource: 'sample code' }
  const loaded: string[] = []
  const loadCode = vi.fn(async (source: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1))
    server.originalSource = source
    loaded.push(source)
  })
  const state = () =>
    ({
      server,
      updateServer: (change: Partial<typeof server>) => Object.assign(server, change),
    }) as unknown as PlaygroundState
  return { queue: new LessonLoadQueue(state, loadCode), server, loadCode, loaded }
}

describe('LessonLoadQueue.ensure', () => {
  it('does nothing when the server already runs that code', async () => {
    const { queue, loadCode } = queueOnFakeServer()
    await queue.ensure('sample', 'sample code')
    expect(loadCode).not.toHaveBeenCalled()
  })

  it('loads the code when another origin runs', async () => {
    const { queue, server, loaded } = queueOnFakeServer()
    const done = queue.ensure('01-a', 'lesson code')
    expect(queue.isRunning('01-a', 'lesson code')).toBe(false)
    await done
    expect(loaded).toEqual(['lesson code'])
    expect(server.codeOrigin).toBe('01-a')
    expect(queue.isRunning('01-a', 'lesson code')).toBe(true)
  })

  it('joins a load of the same origin already under way (StrictMode runs effects twice)', async () => {
    const { queue, loadCode } = queueOnFakeServer()
    await Promise.all([queue.ensure('01-a', 'lesson code'), queue.ensure('01-a', 'lesson code')])
    expect(loadCode).toHaveBeenCalledTimes(1)
  })

  it('runs loads of different origins one after another, the last one winning', async () => {
    const { queue, server, loaded } = queueOnFakeServer()
    await Promise.all([queue.ensure('01-a', 'first'), queue.ensure('02-b', 'second')])
    expect(loaded).toEqual(['first', 'second'])
    expect(server.codeOrigin).toBe('02-b')
  })
})

describe('LessonLoadQueue.load', () => {
  it('loads again even when the code already runs ("Reset lesson")', async () => {
    const { queue, loaded } = queueOnFakeServer()
    await queue.load('sample', 'sample code')
    expect(loaded).toEqual(['sample code'])
  })
})
