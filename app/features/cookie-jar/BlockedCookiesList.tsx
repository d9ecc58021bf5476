import type { BlockedCookies } from './blocked-cookies'

/** Like DevTools' "blocked cookies": what the browser refused or held back, and why. */
export function BlockedCookiesList({ blocked }: { blocked: BlockedCookies }) {
  if (blocked.cookies.length === 0) return null
  return (
    <section className="cj-blocked" aria-labelledby="cookie-jar-blocked-heading">
      <h3 id="cookie-jar-blocked-heading">Blocked in the latest navigation</h3>
      {blocked.navigation && <p className="cj-muted cj-navigation">{blocked.navigation}</p>}
      <ul>
        {blocked.cookies.map((cookie, index) => (
          <li key={index} className="cj-blocked-item" data-kind={cookie.kind}>
            <p className="cj-blocked-title">
              <span className="cj-blocked-kind">
                {cookie.kind === 'rejected' ? 'Set-Cookie rejected' : 'Not sent'}
              </span>{' '}
              <strong>{cookie.name}</strong>{' '}
              <span className="cj-muted">
                {cookie.kind === 'rejected' ? 'from' : 'with'} {cookie.request}
              </span>
            </p>
            <p className="cj-blocked-reason">{cookie.reason}</p>
            <code className="cj-blocked-detail">{cookie.detail}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
