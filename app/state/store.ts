/**
 * The app's single zustand store, composed from slices. It holds snapshots of what the
 * simulated server and browsers did; the playground controller (app/playground) is the only
 * writer. This is the only module that imports zustand.
 */
import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import { createServerSlice, type ServerSlice } from './server-slice'
import { createBrowsersSlice, type BrowsersSlice } from './browsers-slice'
import { createActivitySlice, type ActivitySlice } from './activity-slice'
import {
  createPreferencesSlice,
  PREFERENCES_RESET_NOTICE,
  PREFERENCES_VERSION,
  readPersistedPreferences,
  type PreferencesSlice,
} from './preferences-slice'

export type PlaygroundState = ServerSlice & BrowsersSlice & ActivitySlice & PreferencesSlice

export const usePlaygroundStore = create<PlaygroundState>()(
  persist(
    (...args) => ({
      ...createServerSlice(...args),
      ...createBrowsersSlice(...args),
      ...createActivitySlice(...args),
      ...createPreferencesSlice(...args),
    }),
    {
      name: 'session-playground:preferences',
      version: PREFERENCES_VERSION,
      storage: createJSONStorage(() => localStorage),
      // Only what must survive a reload; the server and browsers start fresh each visit.
      partialize: (state) => ({ preferences: state.preferences }),
      // An old or corrupt value is dropped (with a notice), never allowed to break the page.
      migrate: (persisted) => persisted as PlaygroundState,
      merge: (persisted, current) => {
        const { preferences, notice } = readPersistedPreferences(persisted)
        return { ...current, preferences, preferencesNotice: notice }
      },
      onRehydrateStorage: () => (_state, error) => {
        // Unparseable JSON never reaches merge: zustand reports it here.
        if (error) usePlaygroundStore.setState({ preferencesNotice: PREFERENCES_RESET_NOTICE })
      },
    },
  ),
)
