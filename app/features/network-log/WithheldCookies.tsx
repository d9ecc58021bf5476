import { useFilteredOut } from '../../shared/use-filtered-out'
import { ReasonNames } from '../../shared/ReasonNames'
import { type WithheldCookie, isFilteredOut } from '../../../mocks/client'

/** Chromium's reason names, styled for the network log. */
export function LogReasonNames({ reasons }: { reasons: readonly string[] }) {
  return (
    <ReasonNames
      reasons={reasons}
      classNames={{ list: 'network-log__reason-names', name: 'network-log__reason-name' }}
    />
  )
}

/**
 * The cookies of the site that did not go with this request, each with Chromium's reasons and
 * our sentence. Those for another path or host are hidden unless the learner asks for them,
 * like DevTools' "show filtered out request cookies".
 */
export function WithheldCookies({ withheld }: { withheld: readonly WithheldCookie[] }) {
  const { shown, toggle } = useFilteredOut(
    withheld,
    ({ reasons }) => isFilteredOut(reasons),
    'network-log__filter-toggle',
  )
  return (
    <>
      <h4>Cookies withheld</h4>
      {toggle}
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
              <LogReasonNames reasons={reasons} /> {reason}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
