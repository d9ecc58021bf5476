import { useId, useState } from 'react'
import { type WithheldCookie, isFilteredOut } from '../../../mocks/client'

/** Chromium's reason names, as DevTools prints them. */
export function ReasonNames({ reasons }: { reasons: readonly string[] }) {
  return (
    <span className="network-log__reason-names">
      {reasons.map((reason) => (
        <code key={reason} className="network-log__reason-name">
          {reason}
        </code>
      ))}
    </span>
  )
}

/**
 * The cookies of the site that did not go with this request, each with Chromium's reasons and
 * our sentence. Those for another path or host are hidden unless the learner asks for them,
 * like DevTools' "show filtered out request cookies".
 */
export function WithheldCookies({ withheld }: { withheld: readonly WithheldCookie[] }) {
  const [showFiltered, setShowFiltered] = useState(false)
  const toggleId = useId()
  const filtered = withheld.filter(({ reasons }) => isFilteredOut(reasons)).length
  const shown = withheld.filter(({ reasons }) => showFiltered || !isFilteredOut(reasons))
  return (
    <>
      <h4>Cookies withheld</h4>
      {filtered > 0 && (
        <p className="network-log__filter-toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={showFiltered}
            onChange={(event) => setShowFiltered(event.target.checked)}
          />{' '}
          <label htmlFor={toggleId}>
            Show filtered-out request cookies ({filtered}: another path or host)
          </label>
        </p>
      )}
      {shown.length === 0 ? (
        <p className="empty">None: the jar held nothing back.</p>
      ) : (
        <ul className="network-log__cookie-list">
          {shown.map(({ cookie, reasons, reason }) => (
            <li
              key={`${cookie.hostOnly ? '' : '.'}${cookie.domain};${cookie.path};${cookie.name}`}
              data-filtered={isFilteredOut(reasons)}
            >
              <span className="network-log__cookie-name">{cookie.name}</span>{' '}
              <ReasonNames reasons={reasons} /> {reason}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
