import { Fragment } from 'react'
import { usePlaygroundState } from '../../state/use-playground-state'
import type { ProfileName } from '../../shared/profile-names'
import { type JarCookie, decodeCookieValue } from '../../../mocks/client'
import { formatCountdown, formatExpiry } from './format-expiry'
import { isVerified, viewSessionCookie, type SessionCookieView } from './session-cookie'
import { useVirtualNow } from '../../shared/use-virtual-now'

/** A cookie is identified by name, domain and path (RFC 6265 §5.3, step 11). */
export function cookieKey(cookie: Pick<JarCookie, 'name' | 'domain' | 'path'>): string {
  return `${cookie.name};${cookie.domain};${cookie.path}`
}

/** DevTools writes a Domain cookie with its leading dot, a host-only one without. */
export function domainOf(cookie: JarCookie): string {
  return cookie.hostOnly ? cookie.domain : `.${cookie.domain}`
}

export function CookieTable({
  profile,
  cookies,
  selectedKey,
  onSelect,
}: {
  profile: ProfileName
  cookies: JarCookie[]
  selectedKey: string | undefined
  onSelect: (key: string) => void
}) {
  const decode = usePlaygroundState((state) => state.preferences.decodeCookieValues)
  const middlewares = usePlaygroundState((state) => state.server.middlewares)
  const nowMs = useVirtualNow()
  return (
    <div className="cj-table-scroll">
      <table className="cj-table" aria-label={`${profile}’s cookies`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col" className="cj-scope">
              Domain
            </th>
            <th scope="col" className="cj-scope">
              Path
            </th>
            {/* DevTools' name for the column, shortened to fit beside the lesson. */}
            <th scope="col" title="Expires / Max-Age" aria-label="Expires / Max-Age">
              Expires
            </th>
            <th scope="col" className="cj-size">
              Size
            </th>
            <th scope="col">
              Http
              <wbr />
              Only
            </th>
            <th scope="col">Secure</th>
            <th scope="col">
              Same
              <wbr />
              Site
            </th>
          </tr>
        </thead>
        <tbody>
          {cookies.map((cookie) => {
            const key = cookieKey(cookie)
            const selected = key === selectedKey
            const session = viewSessionCookie(cookie, middlewares)
            return (
              <tr
                key={key}
                aria-current={selected ? 'true' : undefined}
                data-selected={selected}
                onClick={() => onSelect(key)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="cj-name"
                    aria-pressed={selected}
                    onClick={() => onSelect(key)}
                  >
                    <BreakAfterDots text={cookie.name} />
                  </button>
                </th>
                <td className="cj-value-cell">
                  <span className="cj-value-text" title={cookie.value}>
                    {decode ? decodeCookieValue(cookie.value) : cookie.value}
                  </span>
                  {session && <SignatureBadge view={session} />}
                </td>
                <td className="cj-domain cj-scope">
                  <BreakAfterDots text={domainOf(cookie)} />
                </td>
                <td className="cj-scope">{cookie.path}</td>
                <td className="cj-expiry">
                  {cookie.expiresMs === null ? (
                    'Session'
                  ) : (
                    <>
                      <ExpiryDate expiresMs={cookie.expiresMs} />
                      <span className="cj-countdown">
                        {formatCountdown(cookie.expiresMs, nowMs)}
                      </span>
                    </>
                  )}
                </td>
                <td className="cj-number cj-size">{cookie.size}</td>
                <Check on={cookie.httpOnly} label="HttpOnly" />
                <Check on={cookie.secure} label="Secure" />
                <td>
                  {cookie.sameSite ?? (
                    <span
                      className="cj-muted"
                      title="No SameSite attribute: the browser treats the cookie as Lax."
                    >
                      (Lax)
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The ISO date, breakable after the day so the column stays narrow. */
function ExpiryDate({ expiresMs }: { expiresMs: number }) {
  const iso = formatExpiry(expiresMs)
  const [day, time] = iso.split('T')
  return (
    <time dateTime={iso}>
      {day}
      <wbr />T{time}
    </time>
  )
}

/**
 * A name that may wrap after each dot, as a narrow column needs: `session.` `test`. The parts
 * stay text of the cell itself, so the cell still reads as one name.
 */
function BreakAfterDots({ text }: { text: string }) {
  const parts = text.split(/(?<=\.)/)
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  )
}

function Check({ on, label }: { on: boolean; label: string }) {
  return (
    <td className="cj-check" aria-label={on ? `${label}: yes` : `${label}: no`}>
      {on ? '✓' : ''}
    </td>
  )
}

function SignatureBadge({ view }: { view: SessionCookieView }) {
  const valid = isVerified(view)
  const text = valid ? '✓ signed' : view.kind === 'unsigned' ? '✗ unsigned' : '✗ bad signature'
  return (
    <span className="cj-badge" data-valid={valid}>
      {text}
    </span>
  )
}
