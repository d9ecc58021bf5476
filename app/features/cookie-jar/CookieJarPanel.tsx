/**
 * DevTools' Application → Cookies for one simulated profile: the jar as a table, the selected
 * cookie's value (with the signed session cookie taken apart and checked), the learner's edits
 * and attacks on it, and the cookies the browser blocked in the latest navigation.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import { PROFILE_NAMES, type ProfileName } from '../../shared/profile-names'
import { SITE_HOST } from '../../../mocks/client'
import { blockedCookiesOf } from './blocked-cookies'
import { BlockedCookiesList } from './BlockedCookiesList'
import { CookieDetails } from './CookieDetails'
import { CookieTable, cookieKey } from './CookieTable'
import { formatExpiry } from './format-expiry'
import type { CookieDeparture } from '../../state/browsers-slice'
import './cookie-jar.css'

export function CookieJarPanel() {
  const activeProfile = usePlaygroundState(
    (state) => state.tabs.find((tab) => tab.id === state.activeTabId)?.profile ?? 'Alice',
  )
  // The learner's pick holds until the active tab turns to another profile.
  const [choice, setChoice] = useState<{ profile: ProfileName; whileActive: ProfileName }>()
  const profile = choice?.whileActive === activeProfile ? choice.profile : activeProfile

  return (
    <section aria-labelledby="cookie-jar-heading" className="panel cookie-jar">
      <h2 id="cookie-jar-heading">Cookies</h2>
      <ProfileJar
        key={profile}
        profile={profile}
        picker={
          <fieldset className="cj-profiles">
            <legend className="visually-hidden">Profile</legend>
            {PROFILE_NAMES.map((candidate) => (
              <label key={candidate} className="cj-profile" data-profile={candidate}>
                <input
                  type="radio"
                  name="cookie-jar-profile"
                  value={candidate}
                  checked={candidate === profile}
                  onChange={() => setChoice({ profile: candidate, whileActive: activeProfile })}
                />
                <span>{candidate}</span>
              </label>
            ))}
          </fieldset>
        }
      />
    </section>
  )
}

function DecodeToggle() {
  const decode = usePlaygroundState((state) => state.preferences.decodeCookieValues)
  const setPreferences = usePlayground().learner.setPreferences
  return (
    <label className="cj-decode">
      <input
        type="checkbox"
        checked={decode}
        onChange={(event) => setPreferences({ decodeCookieValues: event.target.checked })}
      />
      Show URL-decoded
    </label>
  )
}

const DEPARTURE_TEXT: Record<CookieDeparture['reason'], (departure: CookieDeparture) => string> = {
  expired: ({ name, expiresMs }) =>
    `${name} expired${expiresMs === null ? '' : ` at ${formatExpiry(expiresMs)}`}, so the browser dropped it`,
  'deleted-by-learner': ({ name }) => `you deleted ${name}`,
  'browser-closed': ({ name }) => `${name} was a session cookie, and the browser was closed`,
  'deleted-by-server': ({ name }) =>
    `the server deleted ${name} with a Set-Cookie that had already expired (as res.clearCookie sends)`,
}

/** Why the jar is empty: nothing set yet, or what happened to the cookies it held. */
function emptyJarText(departed: readonly CookieDeparture[]): string {
  if (departed.length === 0) return `No cookies yet — the server has not set any for ${SITE_HOST}.`
  const reasons = departed.map((departure) => DEPARTURE_TEXT[departure.reason](departure))
  return `The jar is empty: ${reasons.join('; ')}.`
}

function ProfileJar({ profile, picker }: { profile: ProfileName; picker: ReactNode }) {
  const playground = usePlayground()
  const cookies = usePlaygroundState((state) => state.profiles[profile].cookies)
  const departed = usePlaygroundState((state) => state.profiles[profile].departed)
  const exchanges = usePlaygroundState((state) => state.exchanges)
  const blocked = useMemo(() => blockedCookiesOf(exchanges, profile), [exchanges, profile])
  const [selectedKey, setSelectedKey] = useState<string>()
  const selected =
    cookies.find((cookie) => cookieKey(cookie) === selectedKey) ?? cookies[0] ?? undefined

  return (
    <div className="cj-jar" data-profile={profile}>
      <div className="cj-toolbar">
        {picker}
        <div className="cj-toolbar-end">
          <DecodeToggle />
          <button
            type="button"
            className="cj-small-button"
            disabled={cookies.length === 0}
            onClick={() => playground.clearCookies(profile)}
          >
            Clear all
          </button>
        </div>
      </div>
      {cookies.length === 0 ? (
        <p className="cj-empty">{emptyJarText(departed)}</p>
      ) : (
        <CookieTable
          profile={profile}
          cookies={cookies}
          selectedKey={selected && cookieKey(selected)}
          onSelect={setSelectedKey}
        />
      )}
      {selected && <CookieDetails key={cookieKey(selected)} profile={profile} cookie={selected} />}
      <BlockedCookiesList blocked={blocked} />
    </div>
  )
}
