import type { SliceCreator } from './slice'
import type { BrowserSettings, PageView, JarCookie } from '../../mocks/client'

import { PROFILE_NAMES, type ProfileName } from '../shared/profile-names'

/** A cookie that left a jar, and why (see app/playground/cookie-departures.ts). */
export interface CookieDeparture {
  name: string
  reason: 'expired' | 'deleted-by-learner' | 'deleted-by-server' | 'browser-closed'
  /** The cookie's own expiry: when it expired, for `expired`. */
  expiresMs: number | null
}

export interface ProfileState {
  settings: BrowserSettings
  cookies: JarCookie[]
  /** The cookies that left the jar last, and why: an empty jar says what happened. */
  departed: CookieDeparture[]
}

export interface TabState {
  id: number
  profile: ProfileName
  /** Visited URLs; `historyIndex` points at the one shown. */
  history: string[]
  historyIndex: number
  page: PageView | undefined
  loading: boolean
}

export interface BrowsersSlice {
  profiles: Record<ProfileName, ProfileState>
  tabs: TabState[]
  activeTabId: number
  setProfile: (profile: ProfileName, change: Partial<ProfileState>) => void
  setTabs: (tabs: TabState[], activeTabId?: number) => void
  updateTab: (tabId: number, change: Partial<TabState>) => void
  setActiveTab: (tabId: number) => void
}

/** A profile's browser as it starts: plain http, no proxy, same-site. */
export const DEFAULT_SETTINGS: BrowserSettings = {
  scheme: 'http',
  behindProxy: false,
  crossSite: false,
}

/** A tab that has not been anywhere yet. */
export function blankTab(id: number, profile: ProfileName): TabState {
  return { id, profile, history: [], historyIndex: -1, page: undefined, loading: false }
}

/** One blank tab per profile, numbered from 1, as the playground starts. */
export function startingTabs(): TabState[] {
  return PROFILE_NAMES.map((profile, index) => blankTab(index + 1, profile))
}

export const createBrowsersSlice: SliceCreator<BrowsersSlice> = (set) => ({
  profiles: {
    Alice: { settings: DEFAULT_SETTINGS, cookies: [], departed: [] },
    Bob: { settings: DEFAULT_SETTINGS, cookies: [], departed: [] },
    Attacker: { settings: DEFAULT_SETTINGS, cookies: [], departed: [] },
  },
  tabs: startingTabs(),
  activeTabId: 1,
  setProfile: (profile, change) =>
    set((state) => ({
      profiles: { ...state.profiles, [profile]: { ...state.profiles[profile], ...change } },
    })),
  setTabs: (tabs, activeTabId) =>
    set((state) => ({ tabs, activeTabId: activeTabId ?? state.activeTabId })),
  updateTab: (tabId, change) =>
    set((state) => ({
      tabs: state.tabs.map((tab) => (tab.id === tabId ? { ...tab, ...change } : tab)),
    })),
  setActiveTab: (activeTabId) => set({ activeTabId }),
})
