import { usePlayground } from '../../playground/playground-context'
import { useEffect, useMemo, type KeyboardEvent } from 'react'
import type { Exchange } from '../../../mocks/client'
import { usePlaygroundState } from '../../state/use-playground-state'
import { ExchangeDetails } from './ExchangeDetails'
import {
  cookieNamesSent,
  describeExchange,
  linkRedirects,
  pathOf,
  requestLabel,
  statusOf,
  summarizeVerdict,
} from './exchange-summary'
import { ProfileChip } from '../../shared/ProfileChip'
import { LogReasonNames } from './WithheldCookies'
import { VerdictBadge } from './VerdictBadge'
import { useFollowNewest } from '../../layout/use-follow-newest'
import './network-log.css'

/** Every request the simulated browsers sent, one row per hop, like DevTools' Network panel. */
export function NetworkLog() {
  const exchanges = usePlaygroundState((state) => state.exchanges)
  const selectedId = usePlaygroundState((state) => state.selectedExchangeId)
  const selectExchange = usePlayground().learner.selectExchange
  const links = useMemo(() => linkRedirects(exchanges), [exchanges])
  const byId = useMemo(
    () => new Map(exchanges.map((exchange) => [exchange.id, exchange])),
    [exchanges],
  )
  const selected = selectedId === undefined ? undefined : byId.get(selectedId)
  const newest = exchanges.at(-1)
  const { ref: scroller, onScroll: rememberScroll } = useFollowNewest<HTMLDivElement>(newest?.id)
  // Opening a request shortens the list to give its details room: the chosen row stays in sight.
  useEffect(() => {
    if (selectedId === undefined) return
    scroller.current
      ?.querySelector(`[data-exchange-id="${selectedId}"]`)
      ?.scrollIntoView?.({ block: 'nearest' })
  }, [selectedId, scroller])

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, exchange: Exchange) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      selectExchange(exchange.id)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling
      if (sibling instanceof HTMLElement) sibling.focus()
    }
  }

  /** Closing the details hands focus back to the row they belong to. */
  const closeDetails = (id: number) => {
    selectExchange(undefined)
    scroller.current?.querySelector<HTMLElement>(`[data-exchange-id="${id}"]`)?.focus()
  }

  const label = (id: number | undefined) => {
    const exchange = id === undefined ? undefined : byId.get(id)
    return exchange ? requestLabel(exchange) : undefined
  }

  return (
    <section aria-labelledby="network-log-heading" className="panel network-log">
      <h2 id="network-log-heading">Network</h2>
      <p className="visually-hidden" aria-live="polite">
        {newest ? describeExchange(newest) : ''}
      </p>
      {exchanges.length === 0 ? (
        <p className="empty">No requests yet — use the browser to visit a page</p>
      ) : (
        <div className="network-log__scroller" ref={scroller} onScroll={rememberScroll}>
          <table className="network-log__table">
            <caption className="network-log__caption">
              {exchanges.length === 1 ? '1 request' : `${exchanges.length} requests`}, oldest first.
              Select a row for its headers, body and explanations.
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                {/* Method and path in one column, as DevTools' Name column: narrow panes. */}
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Profile</th>
                <th scope="col">Cookie sent</th>
                <th scope="col">Set-Cookie received</th>
              </tr>
            </thead>
            <tbody>
              {exchanges.map((exchange) => {
                const from = label(links.from.get(exchange.id))
                const to = label(links.to.get(exchange.id))
                const isSelected = exchange.id === selectedId
                const classes = ['network-log__row']
                if (isSelected) classes.push('is-selected')
                if (from) classes.push('is-redirect-hop')
                if (exchange.error) classes.push('is-failed')
                return (
                  <tr
                    key={exchange.id}
                    className={classes.join(' ')}
                    tabIndex={0}
                    aria-current={isSelected ? 'true' : undefined}
                    data-exchange-id={exchange.id}
                    onClick={() => selectExchange(exchange.id)}
                    onKeyDown={(event) => onRowKeyDown(event, exchange)}
                  >
                    <td className="network-log__number">{requestLabel(exchange)}</td>
                    <td className="network-log__path">
                      {from && (
                        <span className="network-log__hop" title="A redirect hop">
                          ↳{' '}
                        </span>
                      )}
                      <span className="network-log__method">{exchange.method}</span>{' '}
                      <span className="network-log__url">{pathOf(exchange.url)}</span>
                      {from && <span className="network-log__link"> redirected from {from}</span>}
                      {to && <span className="network-log__link"> redirects to {to}</span>}
                    </td>
                    <td className={exchange.error ? 'network-log__error' : 'network-log__status'}>
                      {statusOf(exchange)}
                      {exchange.instance !== undefined && (
                        <span
                          className="network-log__instance"
                          title="The server instance the load balancer chose"
                        >
                          {' '}
                          · instance {exchange.instance}
                        </span>
                      )}
                    </td>
                    <td>
                      <ProfileChip profile={exchange.profile} />
                    </td>
                    <td className="network-log__cookies">{cookieNamesSent(exchange)}</td>
                    <td className="network-log__set-cookies">
                      {exchange.setCookieVerdicts.length === 0
                        ? '—'
                        : exchange.setCookieVerdicts.map((verdict, index) => {
                            const summary = summarizeVerdict(verdict)
                            return (
                              <span key={index} className="network-log__verdict">
                                <span className="network-log__cookie-name">{summary.name}</span>{' '}
                                <VerdictBadge outcome={summary.outcome} />
                                {summary.reason && (
                                  <span className="network-log__reason">
                                    {' '}
                                    <LogReasonNames reasons={summary.reasons} /> {summary.reason}
                                  </span>
                                )}
                              </span>
                            )
                          })}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <ExchangeDetails
          key={selected.id}
          exchange={selected}
          redirectedFrom={label(links.from.get(selected.id))}
          onClose={() => closeDetails(selected.id)}
        />
      )}
    </section>
  )
}
