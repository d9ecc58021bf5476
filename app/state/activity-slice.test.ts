// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Explanation } from '../../mocks/server/explain/explanation-types'
import { usePlaygroundStore } from './store'

const initialState = usePlaygroundStore.getState()
afterEach(() => usePlaygroundStore.setState(initialState, true))

describe('setExplanations', () => {
  it('keeps the explanations of the 500 newest requests, as the network log keeps 500 exchanges', () => {
    const { setExplanations } = usePlaygroundStore.getState()
    const why = [{ code: 'test' }] as unknown as Explanation[]
    for (let requestId = 1; requestId <= 520; requestId++) setExplanations(requestId, why)

    const { explanations, explanationAnchors } = usePlaygroundStore.getState()
    const kept = Object.keys(explanations).map(Number)
    expect(kept).toHaveLength(500)
    expect(kept[0]).toBe(21)
    expect(kept.at(-1)).toBe(520)
    expect(Object.keys(explanationAnchors).map(Number)).toEqual(kept)
  })
})
