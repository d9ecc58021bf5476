import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Exchange } from '../../../mocks/client'
import type { HeaderPair } from '../../../mocks/server'
import { usePlaygroundState } from '../../state/use-playground-state'
import { pathOf, statusLineOf, summarizeVerdict, truncateText } from './exchange-summary'
import { ExplanationText } from '../../shared/explanation-text'
import { ProfileChip } from '../../shared/ProfileChip'
import { bodyCutNotice } from '../../shared/body-cut'
import { LogReasonNames, WithheldCookies } from './WithheldCookies'
import { VerdictBadge } from './VerdictBadge'

/** Bodies longer than this are cut, with a button to show the rest. */
const BODY_PREVIEW_CHARS = 2000

function HeaderTable({ label, headers }: { label: string; headers: readonly HeaderPair[] }) {
  if (headers.length === 0) return <p className="empty">No headers.</p>
  return (
    <table className="network-log__headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Body({
  label,
  body,
  wholeBytes,
}: {
  label: string
  body: string | undefined
  /** Set when the browser kept only the start of the body. */
  wholeBytes?: number | undefined
}) {
  const [whole, setWhole] = useState(false)
  if (body === undefined || body === '') return <p className="empty">No body.</p>
  const { text, omitted } = whole
    ? { text: body, omitted: 0 }
    : truncateText(body, BODY_PREVIEW_CHARS)
  return (
    <>
      {/* It scrolls: in the tab order, so the keyboard can scroll it. */}
      <pre className="network-log__body" aria-label={label} tabIndex={0}>
        {text}
        {omitted > 0 && '…'}
      </pre>
      {wholeBytes !== undefined && <p className="empty">{bodyCutNotice(wholeBytes)}</p>}
      {omitted > 0 && (
        <button type="button" onClick={() => setWhole(true)}>
          Show the other {omitted.toLocaleString('en')} characters
        </button>
      )}
    </>
  )
}

/** Everything about one exchange: both sides' headers and bodies, cookie decisions, and why. */
export function ExchangeDetails({
  exchange,
  redirectedFrom,
  onClose,
}: {
  exchange: Exchange
  redirectedFrom: string | undefined
  onClose: () => void
}) {
  const stored = usePlaygroundState((state) =>
    exchange.requestId === undefined ? undefined : state.explanations[exchange.requestId],
  )
  const explanations = stored ?? exchange.explanations
  const heading = useRef<HTMLHeadingElement>(null)
  const { response, error } = exchange

  useEffect(() => heading.current?.focus(), [])

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') onClose()
  }

  return (
    <section
      className="network-log__details"
      aria-labelledby="network-log-details-heading"
      onKeyDown={onKeyDown}
    >
      <header className="network-log__details-header">
        <h3 id="network-log-details-heading" ref={heading} tabIndex={-1}>
          {exchange.requestId === undefined ? '' : `#${exchange.requestId} `}
          {exchange.method} {pathOf(exchange.url)} → {statusLineOf(exchange)}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </header>
      <p className="network-log__general">
        <ProfileChip profile={exchange.profile} /> <span className="mono">{exchange.url}</span>
        {redirectedFrom && <> — followed the redirect of {redirectedFrom}</>}
      </p>

      <h4>Why</h4>
      {explanations.length === 0 ? (
        <p className="empty">The server gave no explanation for this request.</p>
      ) : (
        <ul className="network-log__explanations">
          {explanations.map((explanation, index) => (
            <li key={index} className={`explanation ${explanation.level}`}>
              <ExplanationText sentence={explanation.sentence} />
            </li>
          ))}
        </ul>
      )}

      <h4>Request headers</h4>
      <HeaderTable label="Request headers" headers={exchange.requestHeaders} />
      <h4>Request body</h4>
      <Body label="Request body" body={exchange.requestBody} />

      <h4>Cookies sent</h4>
      {exchange.cookiesSent.length === 0 ? (
        <p className="empty">None: the Cookie header was not sent.</p>
      ) : (
        <ul className="network-log__cookie-list">
          {exchange.cookiesSent.map((cookie) => (
            <li key={`${cookie.name};${cookie.domain};${cookie.path}`}>
              <span className="network-log__cookie-name">{cookie.name}</span>{' '}
              <span className="mono network-log__cookie-value">{cookie.value}</span>
            </li>
          ))}
        </ul>
      )}
      <WithheldCookies withheld={exchange.cookiesWithheld} />

      {error && (
        <>
          <h4>Error</h4>
          <p className="network-log__error">
            {error.code}: {error.message}
          </p>
        </>
      )}
      {response && (
        <>
          <h4>Response headers</h4>
          <HeaderTable label="Response headers" headers={response.headers} />
          <h4>Set-Cookie received</h4>
          {exchange.setCookieVerdicts.length === 0 ? (
            <p className="empty">None.</p>
          ) : (
            <ul className="network-log__cookie-list">
              {exchange.setCookieVerdicts.map((verdict, index) => {
                const summary = summarizeVerdict(verdict)
                return (
                  <li key={index}>
                    <span className="network-log__cookie-name">{summary.name}</span>{' '}
                    <VerdictBadge outcome={summary.outcome} />
                    {summary.reason && (
                      <>
                        {' '}
                        <LogReasonNames reasons={summary.reasons} /> {summary.reason}
                      </>
                    )}
                    <div className="mono network-log__raw-header">{verdict.header}</div>
                  </li>
                )
              })}
            </ul>
          )}
          <h4>Response body</h4>
          <Body label="Response body" body={response.body} wholeBytes={response.bodyBytes} />
        </>
      )}
    </section>
  )
}
