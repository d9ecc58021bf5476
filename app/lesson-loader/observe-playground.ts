import { PROFILE_NAMES, type ProfileName } from '../shared/profile-names'
import type { LessonObservation } from './evaluate-check'
import type { PageView, JarCookie } from '../../mocks/client'

/** The parts of the playground state that lesson checks read. */
export interface ObservableState {
  profiles: Record<ProfileName, { cookies: JarCookie[] }>
  tabs: ReadonlyArray<{ profile: ProfileName; page: PageView | undefined }>
  stores: LessonObservation['stores']
  exchanges: LessonObservation['exchanges']
  explanations: LessonObservation['explanations']
  consoleLines: ReadonlyArray<{ text: string }>
  server: { middlewares: ReadonlyArray<{ name: string; secrets: string[] }> }
}

export function observePlayground(
  state: ObservableState,
  lastUsedTab: Partial<Record<ProfileName, number>> = {},
): LessonObservation {
  const pages = {} as Record<ProfileName, PageView | undefined>
  const cookies = {} as Record<ProfileName, JarCookie[]>
  for (const profile of PROFILE_NAMES) {
    const tabs = state.tabs.filter((tab) => tab.profile === profile)
    const preferred = lastUsedTab[profile]
    pages[profile] =
      (preferred === undefined ? undefined : state.tabs[preferred]?.page) ??
      tabs.findLast((tab) => tab.page)?.page
    cookies[profile] = state.profiles[profile].cookies
  }
  const middleware = state.server.middlewares[0]
  return {
    cookies,
    stores: state.stores,
    exchanges: state.exchanges,
    explanations: state.explanations,
    pages,
    consoleTexts: state.consoleLines.map((line) => line.text),
    sessionCookieName: middleware?.name ?? 'connect.sid',
    secrets: middleware?.secrets ?? [],
  }
}
