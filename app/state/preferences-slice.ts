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
  /**
   * The same, while a tall panel (the server code) is open below it: editing code wants most of
   * the column, reading requests most of it otherwise. Each is remembered on its own.
   */
  rightTopTallPercent: number
}

/** No pane may be dragged smaller than this share of its area, nor the other one. */
export const LAYOUT_PERCENT_MIN = 20
export const LAYOUT_PERCENT_MAX = 80

export const DEFAULT_LAYOUT: LayoutSizes = {
  leftColumnPercent: 50,
  // The browser needs room for its settings and the page; the jar, for a few cookies' rows.
  leftTopPercent: 60,
  // Room for a request's details under the table.
  rightTopPercent: 55,
  // At 1280 × 800 this leaves the editor at least 15 lines, a load error above it included.
  rightTopTallPercent: 20,
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

/**
 * Each size on its own: a missing one (saved before it existed) takes its default quietly, a bad
 * one takes its default and is reported; the good ones are kept.
 */
function layoutFrom(candidate: unknown): { sizes: LayoutSizes; bad: boolean } {
  if (!isRecord(candidate)) return { sizes: DEFAULT_LAYOUT, bad: true }
  let bad = false
  const sizes = { ...DEFAULT_LAYOUT }
  for (const key of Object.keys(DEFAULT_LAYOUT) as Array<keyof LayoutSizes>) {
    const value = candidate[key]
    if (isLayoutPercent(value)) sizes[key] = value
    else if (value !== undefined) bad = true
  }
  return { sizes, bad }
}

const FIELD_NAMES: Record<keyof Preferences, string> = {
  decodeCookieValues: 'the URL-decoding switch',
  editedCode: 'your edited server code',
  layout: 'the panel sizes',
}

/**
 * Each field a persisted value holds, read on its own: a bad field falls back to its default
 * and is named, the others are kept (a broken layout never costs the learner's edited code).
 * Rebuilt field by field, so unknown keys from elsewhere never reach the store.
 */
function preferencesFrom(candidate: Record<string, unknown>): {
  preferences: Preferences
  dropped: Array<keyof Preferences>
} {
  const dropped: Array<keyof Preferences> = []
  const { decodeCookieValues, editedCode, layout = DEFAULT_LAYOUT } = candidate
  const decode = typeof decodeCookieValues === 'boolean' ? decodeCookieValues : undefined
  if (decode === undefined) dropped.push('decodeCookieValues')
  const code = isRecord(editedCode)
    ? Object.fromEntries(
        Object.entries(editedCode).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      )
    : undefined
  if (code === undefined || Object.keys(code).length !== Object.keys(editedCode ?? {}).length)
    dropped.push('editedCode')
  const { sizes, bad } = layoutFrom(layout)
  if (bad) dropped.push('layout')
  return {
    preferences: {
      decodeCookieValues: decode ?? DEFAULT_PREFERENCES.decodeCookieValues,
      editedCode: code ?? DEFAULT_PREFERENCES.editedCode,
      layout: sizes,
    },
    dropped,
  }
}

/**
 * Validates what localStorage held. What cannot be read falls back to its default with a notice
 * naming it; the rest is kept.
 */
export function readPersistedPreferences(persisted: unknown): {
  preferences: Preferences
  notice: string | undefined
} {
  if (persisted === undefined) return { preferences: DEFAULT_PREFERENCES, notice: undefined }
  const saved = isRecord(persisted) ? persisted.preferences : undefined
  if (!isRecord(saved)) return { preferences: DEFAULT_PREFERENCES, notice: RESET_NOTICE }
  const { preferences, dropped } = preferencesFrom(saved)
  if (dropped.length === 0) return { preferences, notice: undefined }
  const names = dropped.map((field) => FIELD_NAMES[field]).join(' and ')
  return {
    preferences,
    notice: `Part of your saved settings could not be read: ${names} went back to the default; the rest was kept.`,
  }
}

export const PREFERENCES_RESET_NOTICE = RESET_NOTICE

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = (set) => ({
  preferences: DEFAULT_PREFERENCES,
  preferencesNotice: undefined,
  setPreferences: (change) =>
    set((state) => ({ preferences: { ...state.preferences, ...change } })),
  dismissPreferencesNotice: () => set({ preferencesNotice: undefined }),
})
