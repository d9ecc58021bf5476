// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_LAYOUT,
  DEFAULT_PREFERENCES,
  PREFERENCES_RESET_NOTICE,
  PREFERENCES_VERSION,
  readPersistedPreferences,
} from './preferences-slice'

const STORAGE_KEY = 'session-playground:preferences'

const saved = {
  decodeCookieValues: true,
  editedCode: { sample: '// mine' },
  layout: { leftColumnPercent: 40, leftTopPercent: 65, rightTopPercent: 35 },
}

describe('readPersistedPreferences', () => {
  describe('when nothing was saved', () => {
    it.each([undefined, null])('gives the defaults without a notice (%s)', (persisted) => {
      expect(readPersistedPreferences(persisted)).toEqual({
        preferences: DEFAULT_PREFERENCES,
        notice: undefined,
      })
    })
  })

  describe('when the saved value is what we wrote', () => {
    it('keeps it', () => {
      expect(readPersistedPreferences({ preferences: saved })).toEqual({
        preferences: saved,
        notice: undefined,
      })
    })

    it('fills in the default layout for a value saved before layouts were kept', () => {
      const { layout: _layout, ...beforeLayouts } = saved
      expect(readPersistedPreferences({ preferences: beforeLayouts })).toEqual({
        preferences: { ...beforeLayouts, layout: DEFAULT_LAYOUT },
        notice: undefined,
      })
    })

    it('drops keys it does not know', () => {
      const { preferences } = readPersistedPreferences({
        preferences: { ...saved, theme: 'dark', layout: { ...saved.layout, extra: 1 } },
      })
      expect(preferences).toEqual(saved)
    })
  })

  describe('when the saved value is corrupt', () => {
    it.each([
      ['a string', 'yes'],
      ['an array', []],
      ['no preferences', {}],
      ['preferences that are not an object', { preferences: 'x' }],
      ['a non-boolean decodeCookieValues', { preferences: { ...saved, decodeCookieValues: 1 } }],
      ['editedCode as an array', { preferences: { ...saved, editedCode: ['x'] } }],
      ['edited code that is not text', { preferences: { ...saved, editedCode: { sample: 1 } } }],
      ['a layout that is not an object', { preferences: { ...saved, layout: 50 } }],
      [
        'a layout size that is missing',
        { preferences: { ...saved, layout: { leftColumnPercent: 50, leftTopPercent: 50 } } },
      ],
      [
        'a layout size below the minimum',
        { preferences: { ...saved, layout: { ...saved.layout, leftColumnPercent: 5 } } },
      ],
      [
        'a layout size above the maximum',
        { preferences: { ...saved, layout: { ...saved.layout, rightTopPercent: 95 } } },
      ],
      [
        'a layout size that is not a number',
        { preferences: { ...saved, layout: { ...saved.layout, leftTopPercent: '50' } } },
      ],
    ])('discards %s and gives the defaults with a notice', (_case, persisted) => {
      expect(readPersistedPreferences(persisted)).toEqual({
        preferences: DEFAULT_PREFERENCES,
        notice: PREFERENCES_RESET_NOTICE,
      })
    })
  })
})

describe('the persisted store', () => {
  afterEach(() => {
    localStorage.clear()
    vi.resetModules()
  })

  async function loadStoreWith(stored: string) {
    localStorage.setItem(STORAGE_KEY, stored)
    vi.resetModules()
    const { playgroundStore } = await import('./store')
    await Promise.resolve()
    return playgroundStore.getState()
  }

  it('restores saved preferences on load', async () => {
    const state = await loadStoreWith(
      JSON.stringify({ state: { preferences: saved }, version: PREFERENCES_VERSION }),
    )
    expect(state.preferences).toEqual(saved)
    expect(state.preferencesNotice).toBeUndefined()
  })

  it('resets a corrupt value and says so', async () => {
    const state = await loadStoreWith(
      JSON.stringify({
        state: { preferences: { ...saved, layout: { ...saved.layout, leftColumnPercent: -1 } } },
        version: PREFERENCES_VERSION,
      }),
    )
    expect(state.preferences).toEqual(DEFAULT_PREFERENCES)
    expect(state.preferencesNotice).toBe(PREFERENCES_RESET_NOTICE)
  })

  // zustand hydrates inside create(): store.ts hands unparseable text on so merge rejects it.
  it('resets a value that is not JSON and says so', async () => {
    const state = await loadStoreWith('{not json')
    expect(state.preferences).toEqual(DEFAULT_PREFERENCES)
    expect(state.preferencesNotice).toBe(PREFERENCES_RESET_NOTICE)
  })

  it('saves the layout when it changes', async () => {
    const { playgroundStore } = await import('./store')
    playgroundStore.getState().setPreferences({ layout: { ...DEFAULT_LAYOUT, leftTopPercent: 70 } })
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    expect(stored.state.preferences.layout.leftTopPercent).toBe(70)
  })
})
