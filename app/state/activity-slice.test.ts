// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Explanation } from '../../mocks/server'
import { playgroundStore } from './store'

const initialState = playgroundStore.getState()
afterEach(() => playgroundStore.setState(initialState, true))

describe('recordActivity', () => {
  const line = (text: string) => ({
    kind: 'line' as const,
    line: { kind: 'log' as const, text, time: 0, requestId: undefined, location: undefined },
  })

  it('keeps the explanations of the 500 newest requests, as the network log keeps 500 exchanges', () => {
    const { recordActivity } = playgroundStore.getState()
    const why = [{ code: 'test' }] as unknown as Explanation[]
    recordActivity(
      Array.from({ length: 520 }, (_, index) => ({
        kind: 'explanations' as const,
        requestId: index + 1,
        explanations: why,
      })),
    )

    const { explanations, explanationAnchors } = playgroundStore.getState()
    const kept = Object.keys(explanations).map(Number)
    expect(kept).toHaveLength(500)
    expect(kept[0]).toBe(21)
    expect(kept.at(-1)).toBe(520)
    expect(Object.keys(explanationAnchors).map(Number)).toEqual(kept)
  })

  it("anchors each request's explanations after the console lines that came before them", () => {
    const { recordActivity } = playgroundStore.getState()
    const why = [{ code: 'test' }] as unknown as Explanation[]
    recordActivity([
      line('first'),
      { kind: 'explanations', requestId: 1, explanations: why },
      line('second'),
      line('third'),
      { kind: 'explanations', requestId: 2, explanations: why },
    ])
    const { consoleLines, explanationAnchors } = playgroundStore.getState()
    const idOf = (text: string) => consoleLines.find((entry) => entry.text === text)?.id
    expect(explanationAnchors).toEqual({ 1: idOf('first'), 2: idOf('third') })
  })

  it('keeps the newest 1000 console lines of a burst', () => {
    const { recordActivity } = playgroundStore.getState()
    recordActivity(Array.from({ length: 1200 }, (_, index) => line(`line ${index}`)))
    const texts = playgroundStore.getState().consoleLines.map((entry) => entry.text)
    expect(texts).toHaveLength(1000)
    expect(texts[0]).toBe('line 200')
  })
})
