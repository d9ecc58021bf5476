import type { SliceCreator } from './slice'

/**
 * Bump when the persisted shape changes incompatibly; older values are discarded with a notice.
 * Adding an optional field (as `layout` was) needs no bump: a value saved before it simply lacks
 * the field and gets the default.
 */
export const PREFERENCES_VERSION = 1

/** Where the splitters sit, each as the first pane's share of its area, in percent. */
export interface LayoutSizes {
  /** Width of the left column (browser, cookies). */
  leftColumnPercent: number
  /** Height of the top pane in the left column (browser). */
  leftTopPercent: number
  /** Height of the top pane in the right column (network). */
  rightTopPercent: number
}

/** No pane may be dragged smaller than this share of its area, nor the other one. */
export const LAYOUT_PERCENT_MIN = 20
export const LAYOUT_PERCENT_MAX = 80

export const DEFAULT_LAYOUT: LayoutSizes = {
  leftColumnPercent: 50,
  // The browser needs room for its settings and the page; the jar is short until it fills.
  leftTopPercent: 68,
  rightTopPercent: 45,
}

export interface Preferences {
  /** Show cookie values URL-decoded in the jar panel. */
  decodeCookieValues: boolean
  /** Edited server code, keyed by the code's origin (a lesson id, or "sample"). */
  editedCode: Record<string, string>
  /** Splitter positions of the desktop layout. */
  layout: LayoutSizes
}

export const DEFAULT_PREFERENCES: Preferences = {
  decodeCookieValues: false,
  editedCode: {},
  layout: DEFAULT_LAYOUT,
}

export interface PreferencesSlice {
  preferences: Preferences
  /** Set when saved preferences could not be read and were reset. */
  preferencesNotice: string | undefined
  setPreferences: (change: Partial<Preferences>) => void
  dismissPreferencesNotice: () => void
}

const RESET_NOTICE = 'Your saved playground settings could not be read, so they were reset.'

function isRecord(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate)
}

export function isLayoutPercent(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= LAYOUT_PERCENT_MIN &&
    value <= LAYOUT_PERCENT_MAX
  )
}

function isLayoutSizes(candidate: unknown): candidate is LayoutSizes {
  if (!isRecord(candidate)) return false
  return (Object.keys(DEFAULT_LAYOUT) as Array<keyof LayoutSizes>).every((key) =>
    isLayoutPercent(candidate[key]),
  )
}

/** The preferences a persisted value holds, or undefined if any field is not what we wrote. */
function preferencesFrom(candidate: unknown): Preferences | undefined {
  if (!isRecord(candidate)) return undefined
  const { decodeCookieValues, editedCode, layout = DEFAULT_LAYOUT } = candidate
  if (typeof decodeCookieValues !== 'boolean') return undefined
  if (!isRecord(editedCode) || !Object.values(editedCode).every((code) => typeof code === 'string'))
    return undefined
  if (!isLayoutSizes(layout)) return undefined
  // Rebuilt field by field: unknown keys from elsewhere never reach the store.
  return {
    decodeCookieValues,
    editedCode: { ...(editedCode as Record<string, string>) },
    layout: {
      leftColumnPercent: layout.leftColumnPercent,
      leftTopPercent: layout.leftTopPercent,
      rightTopPercent: layout.rightTopPercent,
    },
  }
}

/** Validates what localStorage held; anything unexpected falls back to the defaults, with a notice. */
export function readPersistedPreferences(persisted: unknown): {
  preferences: Preferences
  notice: string | undefined
} {
  if (persisted === undefined || persisted === null)
    return { preferences: DEFAULT_PREFERENCES, notice: undefined }
  const preferences = isRecord(persisted) ? preferencesFrom(persisted.preferences) : undefined
  if (preferences) return { preferences, notice: undefined }
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
