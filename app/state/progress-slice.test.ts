// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  PROGRESS_OTHER_VERSION_NOTICE,
  PROGRESS_UNREADABLE_NOTICE,
  PROGRESS_VERSION,
  readPersistedProgress,
} from './progress-slice'

const STORAGE_KEY = 'session-playground:preferences'

/** A fresh module graph: the store is created again and hydrates from localStorage, as on reload. */
async function reloadStore() {
  vi.resetModules()
  const { playgroundStore } = await import('./store')
  return playgroundStore
}

function saved(): unknown {
  return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
}

beforeEach(() => localStorage.clear())
afterEach(() => localStorage.clear())

describe('readPersistedProgress', () => {
  describe('when nothing was saved', () => {
    it('starts clean and quietly', () => {
      expect(readPersistedProgress(undefined)).toEqual({ progress: {}, notice: undefined })
    })
  })

  describe('when progress of this version was saved', () => {
    it('restores it', () => {
      const lessons = {
        '01-first-session': { completedStepIds: ['first-visit'], currentStepId: 'visit-again' },
      }
      expect(readPersistedProgress({ version: PROGRESS_VERSION, lessons })).toEqual({
        progress: lessons,
        notice: undefined,
      })
    })

    it('lists each completed step once', () => {
      const lessons = { '01-first-session': { completedStepIds: ['a', 'a', 'b'] } }
      expect(readPersistedProgress({ version: 1, lessons }).progress).toEqual({
        '01-first-session': { completedStepIds: ['a', 'b'] },
      })
    })
  })

  it('drops a __proto__ key without touching any prototype', () => {
    const persisted = JSON.parse(
      '{"version":1,"lessons":{"__proto__":{"completedStepIds":["x"]},"01-a":{"completedStepIds":[]}}}',
    )
    const { progress } = readPersistedProgress(persisted)
    expect(Object.keys(progress)).toEqual(['01-a'])
    expect(Object.getPrototypeOf(progress)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).completedStepIds).toBeUndefined()
  })

  describe('when the saved value is from another version', () => {
    it.each([0, 2])('discards version %i with a notice', (version) => {
      expect(readPersistedProgress({ version, lessons: {} })).toEqual({
        progress: {},
        notice: PROGRESS_OTHER_VERSION_NOTICE,
      })
    })
  })

  describe('when the saved value is not progress at all', () => {
    it.each<[string, unknown]>([
      ['null (a saved state of null)', null],
      ['a string', 'progress'],
      ['an array', []],
      ['no version', { lessons: {} }],
      ['no lessons', { version: 1 }],
    ])('discards %s with a notice', (_what, persisted) => {
      expect(readPersistedProgress(persisted)).toEqual({
        progress: {},
        notice: PROGRESS_UNREADABLE_NOTICE,
      })
    })
  })

  describe('when one lesson entry is damaged', () => {
    const good = { '02-good': { completedStepIds: ['done'] } }
    it.each<[string, string, unknown]>([
      ['a bad lesson id', '../etc', { completedStepIds: [] }],
      ['steps not a list', '01-a', { completedStepIds: 'a' }],
      ['steps as a number', '01-a', { completedStepIds: 5 }],
      ['a bad step id', '01-a', { completedStepIds: ['A B'] }],
      ['an unknown field', '01-a', { completedStepIds: [], x: 1 }],
      ['a lesson entry of null', '01-a', null],
    ])('drops only the lesson with %s, names it and keeps the others', (_what, id, entry) => {
      expect(readPersistedProgress({ version: 1, lessons: { ...good, [id]: entry } })).toEqual({
        progress: good,
        notice: `Your saved progress for ${id} could not be read and was dropped; the progress of every other lesson was kept.`,
      })
    })
  })
})

describe('the progress slice', () => {
  it('records a completed step once, and the current step', async () => {
    const store = await reloadStore()
    const { completeStep, setCurrentStep } = store.getState()
    completeStep('01-first-session', 'first-visit')
    completeStep('01-first-session', 'first-visit')
    setCurrentStep('01-first-session', 'visit-again')
    expect(store.getState().progress).toEqual({
      '01-first-session': { completedStepIds: ['first-visit'], currentStepId: 'visit-again' },
    })
  })

  it('does not notify subscribers when nothing changes', async () => {
    const store = await reloadStore()
    store.getState().completeStep('01-first-session', 'first-visit')
    const listener = vi.fn()
    store.subscribe(listener)
    store.getState().completeStep('01-first-session', 'first-visit')
    expect(listener).not.toHaveBeenCalled()
  })

  it('forgets one lesson on reset and keeps the others', async () => {
    const store = await reloadStore()
    const { completeStep, resetLessonProgress } = store.getState()
    completeStep('01-first-session', 'first-visit')
    completeStep('02-login', 'log-in')
    resetLessonProgress('01-first-session')
    expect(store.getState().progress).toEqual({ '02-login': { completedStepIds: ['log-in'] } })
  })
})

describe('persisted progress', () => {
  describe('when the page is reloaded', () => {
    it('restores completed steps and the current step', async () => {
      const before = await reloadStore()
      before.getState().completeStep('01-first-session', 'first-visit')
      before.getState().setCurrentStep('01-first-session', 'visit-again')
      expect(saved()).toMatchObject({ state: { progress: { version: PROGRESS_VERSION } } })

      const after = await reloadStore()
      expect(after).not.toBe(before)
      expect(after.getState().progress).toEqual({
        '01-first-session': { completedStepIds: ['first-visit'], currentStepId: 'visit-again' },
      })
      expect(after.getState().progressNotice).toBeUndefined()
    })

    it('keeps the preferences working beside it', async () => {
      const before = await reloadStore()
      before.getState().setPreferences({ decodeCookieValues: true })
      before.getState().completeStep('01-first-session', 'first-visit')
      const after = await reloadStore()
      expect(after.getState().preferences.decodeCookieValues).toBe(true)
      expect(after.getState().progress['01-first-session']?.completedStepIds).toEqual([
        'first-visit',
      ])
    })

    it('restores preferences saved before progress existed, with no notice', async () => {
      localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({
          state: { preferences: { decodeCookieValues: true, editedCode: {} } },
          version: 1,
        }),
      )
      const store = await reloadStore()
      expect(store.getState().preferences.decodeCookieValues).toBe(true)
      expect(store.getState().progress).toEqual({})
      expect(store.getState().progressNotice).toBeUndefined()
    })
  })

  describe('when the saved progress is corrupt', () => {
    it('drops the damaged lesson with a notice and keeps the preferences', async () => {
      localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({
          state: {
            preferences: { decodeCookieValues: true, editedCode: {} },
            progress: { version: 1, lessons: { '01-first-session': 'done' } },
          },
          version: 1,
        }),
      )
      const store = await reloadStore()
      expect(store.getState().progress).toEqual({})
      expect(store.getState().progressNotice).toMatch(/^Your saved progress for 01-first-session/)
      expect(store.getState().preferences.decodeCookieValues).toBe(true)
      expect(store.getState().preferencesNotice).toBeUndefined()
    })

    it('starts clean with a notice when the saved value is not even JSON', async () => {
      localStorage.setItem(STORAGE_KEY, '{"state": {"progress": ')
      const store = await reloadStore()
      expect(store.getState().progress).toEqual({})
      expect(store.getState().progressNotice).toBe(PROGRESS_UNREADABLE_NOTICE)
    })

    it('discards progress from another version with a notice', async () => {
      localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({
          state: {
            preferences: { decodeCookieValues: false, editedCode: {} },
            progress: { version: PROGRESS_VERSION + 1, lessons: { '01-a': { steps: 3 } } },
          },
          version: 1,
        }),
      )
      const store = await reloadStore()
      expect(store.getState().progress).toEqual({})
      expect(store.getState().progressNotice).toBe(PROGRESS_OTHER_VERSION_NOTICE)
    })

    it('forgets the notice once dismissed', async () => {
      localStorage.setItem(STORAGE_KEY, '{"state": {"progress": ')
      const store = await reloadStore()
      expect(store.getState().progressNotice).toBeDefined()
      store.getState().dismissProgressNotice()
      expect(store.getState().progressNotice).toBeUndefined()
    })
  })
})
