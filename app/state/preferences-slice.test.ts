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
  layout: {
    leftColumnPercent: 40,
    leftTopPercent: 65,
    rightTopPercent: 35,
    rightTopTallPercent: 25,
  },
}

describe('readPersistedPreferences', () => {
  describe('when nothing was saved', () => {
    it('gives the defaults without a notice', () => {
      expect(readPersistedPreferences(undefined)).toEqual({
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

    it('fills in the default of a size saved before that size existed, without a notice', () => {
      const { rightTopTallPercent: _tall, ...olderLayout } = saved.layout
      expect(readPersistedPreferences({ preferences: { ...saved, layout: olderLayout } })).toEqual({
        preferences: {
          ...saved,
          layout: { ...olderLayout, rightTopTallPercent: DEFAULT_LAYOUT.rightTopTallPercent },
        },
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

  describe('when the saved value is corrupt as a whole', () => {
    it.each([
      ['null (a saved state of null)', null],
      ['a string', 'yes'],
      ['an array', []],
      ['no preferences', {}],
      ['preferences that are not an object', { preferences: 'x' }],
    ])('discards %s and gives the defaults with a notice', (_case, persisted) => {
      expect(readPersistedPreferences(persisted)).toEqual({
        preferences: DEFAULT_PREFERENCES,
        notice: PREFERENCES_RESET_NOTICE,
      })
    })
  })

  describe('when one field is corrupt', () => {
    const layoutBack = { ...saved, layout: DEFAULT_LAYOUT }
    it.each([
      [
        'a non-boolean decodeCookieValues',
        { ...saved, decodeCookieValues: 1 },
        { ...saved, decodeCookieValues: false },
        'the URL-decoding switch',
      ],
      [
        'editedCode as an array',
        { ...saved, editedCode: ['x'] },
        { ...saved, editedCode: {} },
        'your edited server code',
      ],
      [
        'edited code that is not text',
        { ...saved, editedCode: { sample: '// mine', other: 1 } },
        saved,
        'your edited server code',
      ],
      ['a layout that is not an object', { ...saved, layout: 50 }, layoutBack, 'the panel sizes'],
      [
        'a layout size below the minimum',
        { ...saved, layout: { ...saved.layout, leftColumnPercent: 5 } },
        {
          ...saved,
          layout: { ...saved.layout, leftColumnPercent: DEFAULT_LAYOUT.leftColumnPercent },
        },
        'the panel sizes',
      ],
      [
        'a layout size above the maximum',
        { ...saved, layout: { ...saved.layout, rightTopPercent: 95 } },
        { ...saved, layout: { ...saved.layout, rightTopPercent: DEFAULT_LAYOUT.rightTopPercent } },
        'the panel sizes',
      ],
      [
        'a layout size that is not a number',
        { ...saved, layout: { ...saved.layout, leftTopPercent: '50' } },
        { ...saved, layout: { ...saved.layout, leftTopPercent: DEFAULT_LAYOUT.leftTopPercent } },
        'the panel sizes',
      ],
      [
        'a layout size that is null',
        { ...saved, layout: { ...saved.layout, rightTopTallPercent: null } },
        {
          ...saved,
          layout: { ...saved.layout, rightTopTallPercent: DEFAULT_LAYOUT.rightTopTallPercent },
        },
        'the panel sizes',
      ],
    ])('puts back only %s, keeps the rest, and names it', (_case, preferences, kept, named) => {
      const result = readPersistedPreferences({ preferences })
      expect(result.preferences).toEqual(kept)
      expect(result.notice).toBe(
        `Part of your saved settings could not be read: ${named} went back to the default; the rest was kept.`,
      )
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

  it('keeps the edited code when only the layout is corrupt, and says what went back', async () => {
    const state = await loadStoreWith(
      JSON.stringify({
        state: { preferences: { ...saved, layout: { ...saved.layout, leftColumnPercent: -1 } } },
        version: PREFERENCES_VERSION,
      }),
    )
    expect(state.preferences).toEqual({
      ...saved,
      layout: { ...saved.layout, leftColumnPercent: DEFAULT_LAYOUT.leftColumnPercent },
    })
    expect(state.preferencesNotice).toMatch(/the panel sizes went back to the default/)
  })

  it('says so when the saved state is null, instead of resetting quietly', async () => {
    const state = await loadStoreWith(JSON.stringify({ state: null, version: PREFERENCES_VERSION }))
    expect(state.preferences).toEqual(DEFAULT_PREFERENCES)
    expect(state.preferencesNotice).toBe(PREFERENCES_RESET_NOTICE)
    expect(state.progressNotice).toBeDefined()
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
