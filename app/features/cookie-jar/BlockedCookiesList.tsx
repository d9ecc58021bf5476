import { useFilteredOut } from '../../shared/use-filtered-out'
import { ReasonNames } from '../../shared/ReasonNames'
import type { BlockedCookie, BlockedCookies } from './blocked-cookies'

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
        <ReasonNames
          reasons={cookie.reasons}
          classNames={{ list: 'cj-reason-names', name: 'cj-reason-name' }}
        />{' '}
        {cookie.reason}
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
  const { shown, toggle } = useFilteredOut(
    blocked.cookies,
    (cookie) => cookie.filteredOut,
    'cj-filtered-toggle',
  )
  if (blocked.cookies.length === 0) return null
  return (
    <section className="cj-blocked" aria-labelledby="cookie-jar-blocked-heading">
      <h3 id="cookie-jar-blocked-heading">Blocked in the latest navigation</h3>
      {blocked.navigation && <p className="cj-muted cj-navigation">{blocked.navigation}</p>}
      {toggle}
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
