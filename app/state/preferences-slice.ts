import type { SliceCreator } from './slice'

/** Bump when the persisted shape changes; older values are discarded with a notice. */
export const PREFERENCES_VERSION = 1

export interface Preferences {
  /** Show cookie values URL-decoded in the jar panel. */
  decodeCookieValues: boolean
  /** Edited server code, keyed by the code's origin (a lesson id, or "sample"). */
  editedCode: Record<string, string>
}

export const DEFAULT_PREFERENCES: Preferences = { decodeCookieValues: false, editedCode: {} }

export interface PreferencesSlice {
  preferences: Preferences
  /** Set when saved preferences could not be read and were reset. */
  preferencesNotice: string | undefined
  setPreferences: (change: Partial<Preferences>) => void
  dismissPreferencesNotice: () => void
}

const RESET_NOTICE = 'Your saved playground settings could not be read, so they were reset.'

function isPreferences(candidate: unknown): candidate is Preferences {
  if (typeof candidate !== 'object' || candidate === null) return false
  const { decodeCookieValues, editedCode } = candidate as Partial<Preferences>
  return (
    typeof decodeCookieValues === 'boolean' &&
    typeof editedCode === 'object' &&
    editedCode !== null &&
    Object.values(editedCode).every((code) => typeof code === 'string')
  )
}

/** Validates what localStorage held; anything unexpected falls back to the defaults, with a notice. */
export function readPersistedPreferences(persisted: unknown): {
  preferences: Preferences
  notice: string | undefined
} {
  if (persisted === undefined || persisted === null)
    return { preferences: DEFAULT_PREFERENCES, notice: undefined }
  const candidate = (persisted as { preferences?: unknown }).preferences
  if (isPreferences(candidate))
    return { preferences: { ...DEFAULT_PREFERENCES, ...candidate }, notice: undefined }
  return { preferences: DEFAULT_PREFERENCES, notice: RESET_NOTICE }
}

export const PREFERENCES_RESET_NOTICE = RESET_NOTICE

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = (set) => ({
  preferences: DEFAULT_PREFERENCES,
  preferencesNotice: undefined,
  setPreferences: (change) =>
    set((state) => ({ preferences: { ...state.preferences, ...change } })),
  dismissPreferencesNotice: () => set({ preferencesNotice: undefined }),
})
