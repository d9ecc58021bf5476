/**
 * The app's single store, composed from slices: a framework-free zustand store (React binds to it
 * in use-playground-state.ts). It holds snapshots of what the simulated server and browsers did,
 * and the learner's preferences and progress. The playground controller (app/playground) is the
 * only writer: it is the only module handed `playgroundStore`; panels read through
 * usePlaygroundState, whose view has no setters, and act through the controller.
 */
import { createStore } from 'zustand/vanilla'
import { persist, createJSONStorage, type PersistStorage } from 'zustand/middleware'
import { createServerSlice, type ServerSlice } from './server-slice'
import { createBrowsersSlice, type BrowsersSlice } from './browsers-slice'
import { createActivitySlice, type ActivitySlice } from './activity-slice'
import {
  createPreferencesSlice,
  PREFERENCES_VERSION,
  readPersistedPreferences,
  type PreferencesSlice,
} from './preferences-slice'
import {
  createProgressSlice,
  persistProgress,
  readPersistedProgress,
  type PersistedProgress,
  type ProgressSlice,
} from './progress-slice'

export type PlaygroundState = ServerSlice &
  BrowsersSlice &
  ActivitySlice &
  PreferencesSlice &
  ProgressSlice

/** The state without its setters: what panels may read. */
export type PlaygroundView = {
  [
    Key in keyof PlaygroundState as PlaygroundState[Key] extends (...args: never[]) => unknown
      ? never
      : Key
  ]: PlaygroundState[Key]
}

/** What localStorage holds. `progress` carries its own version, so either part can change alone. */
interface PersistedPlayground {
  preferences: PlaygroundState['preferences']
  progress: PersistedProgress
}

/** Stands in for saved text that is not JSON, so that merge sees it, rejects it and says so. */
const UNREADABLE = 'unreadable'

/**
 * localStorage through JSON, except that unparseable text is handed on as UNREADABLE instead of
 * throwing: zustand hydrates synchronously inside create(), so an onRehydrateStorage callback
 * could not reach the store to set a notice.
 */
function tolerantJSONStorage(): PersistStorage<PersistedPlayground> | undefined {
  const storage = createJSONStorage<PersistedPlayground>(() => localStorage)
  if (!storage) return undefined
  return {
    ...storage,
    getItem: (name) => {
      try {
        return storage.getItem(name)
      } catch {
        return { state: UNREADABLE as unknown as PersistedPlayground, version: PREFERENCES_VERSION }
      }
    },
  }
}

function isRecord(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate)
}

export const playgroundStore = createStore<PlaygroundState>()(
  persist(
    (...args) => ({
      ...createServerSlice(...args),
      ...createBrowsersSlice(...args),
      ...createActivitySlice(...args),
      ...createPreferencesSlice(...args),
      ...createProgressSlice(...args),
    }),
    {
      name: 'session-playground:preferences',
      version: PREFERENCES_VERSION,
      storage: tolerantJSONStorage(),
      // Only what must survive a reload; the server and browsers start fresh each visit.
      partialize: (state): PersistedPlayground => ({
        preferences: state.preferences,
        progress: persistProgress(state.progress),
      }),
      // An old or corrupt value is dropped (with a notice), never allowed to break the page.
      // Each part is validated on its own: bad progress does not cost the preferences, nor back.
      migrate: (persisted) => persisted as PersistedPlayground,
      merge: (persisted, current) => {
        const { preferences, notice } = readPersistedPreferences(persisted)
        // Text that was not JSON (UNREADABLE) may have held progress: it is reported as unreadable.
        const progress = readPersistedProgress(isRecord(persisted) ? persisted.progress : persisted)
        return {
          ...current,
          preferences,
          preferencesNotice: notice,
          progress: progress.progress,
          progressNotice: progress.notice,
        }
      },
    },
  ),
)
