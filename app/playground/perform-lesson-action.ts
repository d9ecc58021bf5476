/**
 * Performs a lesson action with the playground controller: what "do it for me" does in the
 * player, and what lint-replay does for each step of a lesson's reference walkthrough.
 */
import {
  SITE_HOST,
  type BrowserSettings,
  type JarCookie,
  type NavigationRequest,
  type TamperAction,
} from '../../mocks/client'
import type { LessonAction, ProfileName } from '../lesson-loader/lesson-schema'
import { durationToMs } from '../lesson-loader/duration'
import { applyCodeEdit } from '../lesson-loader/code-edit'
import type { PlaygroundState } from '../state/store'

/** What an action asks of the controller (the Playground, which hands itself in). */
export interface LessonActor {
  openTab(profile: ProfileName): number
  activateTab(tabId: number): void
  navigate(tabId: number, request: NavigationRequest): Promise<void>
  advanceClock(ms: number): Promise<void>
  restartServer(): Promise<void>
  copyCookie(from: ProfileName, to: ProfileName, cookie: JarCookie): void
  putCookie(profile: ProfileName, cookie: JarCookie): void
  deleteCookie(profile: ProfileName, cookie: JarCookie): void
  closeBrowser(profile: ProfileName): void
  tamperCookie(profile: ProfileName, cookie: JarCookie, action: TamperAction): void
  setSettings(profile: ProfileName, change: Partial<BrowserSettings>): void
  setStoreConnection(storeId: number, connected: boolean): Promise<void>
  runCode(source: string): Promise<void>
}

function tabFor(playground: LessonActor, state: PlaygroundState, profile: ProfileName): number {
  const active = state.tabs.find((tab) => tab.id === state.activeTabId)
  if (active?.profile === profile) return active.id
  return state.tabs.find((tab) => tab.profile === profile)?.id ?? playground.openTab(profile)
}

function cookieNamed(state: PlaygroundState, profile: ProfileName, name: string) {
  const cookie = state.profiles[profile].cookies.find((candidate) => candidate.name === name)
  if (!cookie) throw new Error(`${profile}'s browser has no ${name} cookie`)
  return cookie
}

export async function performLessonAction(
  playground: LessonActor,
  state: PlaygroundState,
  action: LessonAction,
): Promise<void> {
  if ('visit' in action) {
    const tabId = tabFor(playground, state, action.visit.profile)
    playground.activateTab(tabId)
    return playground.navigate(tabId, { url: action.visit.path })
  }
  if ('submit' in action) {
    const { profile, path, method, fields } = action.submit
    const tabId = tabFor(playground, state, profile)
    playground.activateTab(tabId)
    return playground.navigate(tabId, { url: path, method, form: Object.entries(fields) })
  }
  if ('advanceClock' in action) return playground.advanceClock(durationToMs(action.advanceClock))
  if ('restartServer' in action) return playground.restartServer()
  if ('copyCookie' in action) {
    const { from, to, name } = action.copyCookie
    return playground.copyCookie(from, to, cookieNamed(state, from, name))
  }
  if ('setCookie' in action) {
    const { profile, name, value, path } = action.setCookie
    return playground.putCookie(profile, {
      name,
      value,
      domain: SITE_HOST,
      hostOnly: true,
      path,
      expiresMs: null,
      httpOnly: false,
      secure: false,
      sameSite: undefined,
      size: name.length + value.length,
    })
  }
  if ('deleteCookie' in action) {
    const { profile, name } = action.deleteCookie
    return playground.deleteCookie(profile, cookieNamed(state, profile, name))
  }
  if ('closeBrowser' in action) return playground.closeBrowser(action.closeBrowser.profile)
  if ('tamperCookie' in action) {
    const { profile, name, how, id, secret } = action.tamperCookie
    const cookie = cookieNamed(state, profile, name)
    if (how === 'change-id')
      return playground.tamperCookie(profile, cookie, { kind: 'change-id', id: id ?? '' })
    if (how === 'resign')
      return playground.tamperCookie(profile, cookie, { kind: 'resign', secret: secret ?? '' })
    return playground.tamperCookie(profile, cookie, { kind: how })
  }
  if ('browser' in action) {
    const { profile, https, behindProxy, crossSite } = action.browser
    return playground.setSettings(profile, {
      ...(https === undefined ? {} : { scheme: https ? 'https' : 'http' }),
      ...(behindProxy === undefined ? {} : { behindProxy }),
      ...(crossSite === undefined ? {} : { crossSite }),
    })
  }
  if ('store' in action) {
    const store = state.stores[0]
    if (!store) throw new Error('the server has no session store')
    return playground.setStoreConnection(store.storeId, action.store === 'connect')
  }
  const source = state.server.source
  if (!source.includes(action.editCode.replace)) {
    throw new Error(
      `server.js no longer contains the code this step changes: ${action.editCode.replace}`,
    )
  }
  return playground.runCode(applyCodeEdit(source, action.editCode))
}
