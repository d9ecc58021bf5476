import { useId, useState } from 'react'
import type { BlockedCookie, BlockedCookies } from './blocked-cookies'

/** Chromium's reason names, as DevTools prints them, each a code chip. */
function ReasonNames({ reasons }: { reasons: readonly string[] }) {
  return (
    <span className="cj-reason-names">
      {reasons.map((reason) => (
        <code key={reason} className="cj-reason-name">
          {reason}
        </code>
      ))}
    </span>
  )
}

function BlockedItem({ cookie }: { cookie: BlockedCookie }) {
  return (
    <li className="cj-blocked-item" data-kind={cookie.kind} data-filtered={cookie.filteredOut}>
      <p className="cj-blocked-title">
        <span className="cj-blocked-kind">
          {cookie.kind === 'rejected' ? 'Set-Cookie rejected' : 'Not sent'}
        </span>{' '}
        <strong>{cookie.name}</strong>{' '}
        <span className="cj-muted">
          {cookie.kind === 'rejected' ? 'from' : 'with'} {cookie.request}
        </span>
      </p>
      <p className="cj-blocked-reason">
        <ReasonNames reasons={cookie.reasons} /> {cookie.reason}
      </p>
      <code className="cj-blocked-detail">{cookie.detail}</code>
    </li>
  )
}

/**
 * Like DevTools' "blocked cookies": what the browser refused or held back, with Chromium's
 * reason names and our sentence. Cookies for another path or host of the site are only listed
 * with "Show filtered-out request cookies", as in DevTools.
 */
export function BlockedCookiesList({ blocked }: { blocked: BlockedCookies }) {
  const [showFiltered, setShowFiltered] = useState(false)
  const toggleId = useId()
  const filteredCount = blocked.cookies.filter((cookie) => cookie.filteredOut).length
  const shown = blocked.cookies.filter((cookie) => showFiltered || !cookie.filteredOut)
  if (blocked.cookies.length === 0) return null
  return (
    <section className="cj-blocked" aria-labelledby="cookie-jar-blocked-heading">
      <h3 id="cookie-jar-blocked-heading">Blocked in the latest navigation</h3>
      {blocked.navigation && <p className="cj-muted cj-navigation">{blocked.navigation}</p>}
      {filteredCount > 0 && (
        <p className="cj-filtered-toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={showFiltered}
            onChange={(event) => setShowFiltered(event.target.checked)}
          />{' '}
          <label htmlFor={toggleId}>
            Show filtered-out request cookies ({filteredCount}: another path or host)
          </label>
        </p>
      )}
      {shown.length === 0 ? (
        <p className="cj-muted">Nothing was held back for this request’s own path and host.</p>
      ) : (
        <ul>
          {shown.map((cookie, index) => (
            <BlockedItem key={index} cookie={cookie} />
          ))}
        </ul>
      )}
    </section>
  )
}
