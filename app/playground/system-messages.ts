/** The console's PLAYGROUND lines: what the playground itself did, in the learner's words. */
import type { JarCookie } from '../../mocks/client'
import type { ProfileName } from '../shared/profile-names'

export const SERVER_RESTARTED =
  'Server restarted: MemoryStore lives in the server process, so every stored session is gone.'

export function storeConnectionMessage(storeId: number, connected: boolean): string {
  return connected
    ? `Store ${storeId} emitted "connect": express-session uses it again.`
    : `Store ${storeId} emitted "disconnect": express-session now skips sessions until it reconnects.`
}

export function browserClosedMessage(profile: ProfileName, ended: readonly JarCookie[]): string {
  const what = ended.length
    ? `its session cookies (${ended.map((cookie) => cookie.name).join(', ')}) ended`
    : 'it held no session cookies'
  return `Closed ${profile}'s browser: ${what}; cookies with an expiry stay.`
}
