import { useId } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import type { ProfileName } from '../../shared/profile-names'

/** How this profile's requests reach the server: the switches a lesson asks the learner to flip. */
export function ConnectionSettings({ profile }: { profile: ProfileName }) {
  const playground = usePlayground()
  const settings = usePlaygroundState((state) => state.profiles[profile].settings)
  return (
    <fieldset className="bv-settings">
      <legend>{profile}’s next requests:</legend>
      <Switch
        label="https"
        hint="On: the browser connects over TLS (https://). Off: plain http://."
        checked={settings.scheme === 'https'}
        onChange={(on) => playground.setSettings(profile, { scheme: on ? 'https' : 'http' })}
      />
      <Switch
        label="Behind a proxy (adds X-Forwarded-Proto)"
        hint="A TLS-terminating proxy sits in front of the server: the server itself sees plain http, plus the X-Forwarded-Proto header."
        checked={settings.behindProxy}
        onChange={(on) => playground.setSettings(profile, { behindProxy: on })}
      />
      <Switch
        label="Request comes from another site (cross-site)"
        hint="As if a link or form on attacker.test started the request, so SameSite rules apply."
        checked={settings.crossSite}
        onChange={(on) => playground.setSettings(profile, { crossSite: on })}
      />
      <button
        type="button"
        className="bv-close-browser"
        title="Quit this browser: cookies without an expiry end, cookies with one stay."
        onClick={() => playground.closeBrowser(profile)}
      >
        Close {profile}’s browser
      </button>
    </fieldset>
  )
}

function Switch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string
  /** Read by screen readers as the description, and shown as a tooltip. */
  hint: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const id = useId()
  return (
    <label className="bv-switch" title={hint}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="bv-switch-label" id={`${id}-label`}>
        {label}
      </span>
      <span className="visually-hidden" id={`${id}-hint`}>
        {hint}
      </span>
    </label>
  )
}
