import { useId, useState, type FormEvent } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import { PROFILE_NAMES, type ProfileName } from '../../shared/profile-names'
import { type JarCookie, decodeCookieValue, type TamperAction } from '../../../mocks/client'
import { useVirtualNow } from '../../shared/use-virtual-now'
import { domainOf } from './CookieTable'
import {
  describeVerdict,
  isVerified,
  storedSessionOf,
  viewSessionCookie,
  type SessionCookieView,
  type StoredSession,
} from './session-cookie'

/** The selected cookie, as DevTools' lower pane shows it, with what a learner may do to it. */
export function CookieDetails({ profile, cookie }: { profile: ProfileName; cookie: JarCookie }) {
  const playground = usePlayground()
  const decode = usePlaygroundState((state) => state.preferences.decodeCookieValues)
  const middlewares = usePlaygroundState((state) => state.server.middlewares)
  const stores = usePlaygroundState((state) => state.stores)
  const nowMs = useVirtualNow()
  const session = viewSessionCookie(cookie, middlewares)
  const stored =
    session?.kind === 'signed'
      ? storedSessionOf(session.id, cookie.name, middlewares, stores, nowMs)
      : 'unknown'
  const [editing, setEditing] = useState(false)
  const [done, setDone] = useState<string>()
  const headingId = useId()

  function put(value: string, message: string) {
    playground.putCookie(profile, { ...cookie, value, size: cookie.name.length + value.length })
    setDone(message)
  }

  function tamper(action: TamperAction, message: string) {
    playground.tamperCookie(profile, cookie, action)
    setDone(message)
  }

  return (
    <section className="cj-details" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="visually-hidden">Selected cookie: </span>
        {cookie.name}
      </h3>
      <div className="cj-field">
        <span className="cj-field-label">
          Cookie value {decode ? '(URL-decoded)' : '(as stored and sent)'}
        </span>
        <code className="cj-full-value">
          {decode ? decodeCookieValue(cookie.value) : cookie.value}
        </code>
      </div>
      {session && <SignedValue view={session} stored={stored} />}
      {/* What a narrow table leaves out (a phone drops Domain, Path and Size) stays readable here. */}
      <p className="cj-scope-line">
        Domain <code>{domainOf(cookie)}</code> · Path <code>{cookie.path}</code> · Size{' '}
        {cookie.size}
      </p>

      {editing ? (
        <EditValue
          cookie={cookie}
          onSave={(value) => {
            setEditing(false)
            put(value, `Saved the new value of ${cookie.name}.`)
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="cj-actions" role="group" aria-label="Cookie actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit value
          </button>
          <button type="button" onClick={() => playground.deleteCookie(profile, cookie)}>
            Delete
          </button>
          {PROFILE_NAMES.filter((other) => other !== profile).map((other) => (
            <button
              key={other}
              type="button"
              onClick={() => {
                playground.copyCookie(profile, other, cookie)
                setDone(`Copied ${cookie.name} into ${other}’s browser.`)
              }}
            >
              Copy to {other}
            </button>
          ))}
        </div>
      )}

      {session && <TamperActions view={session} onTamper={tamper} />}
      <p className="cj-done" role="status">
        {done}
      </p>
    </section>
  )
}

function SignedValue({ view, stored }: { view: SessionCookieView; stored: StoredSession }) {
  const valid = isVerified(view, stored)
  return (
    <div className="cj-signed">
      {view.kind === 'signed' ? (
        <div className="cj-parts" aria-label="Signed value, taken apart">
          <Part role="prefix" text="s:" />
          <Part role="session id" text={view.id} />
          <span className="cj-part-dot" aria-hidden="true">
            .
          </span>
          <Part role="signature" text={view.signature} />
        </div>
      ) : (
        <div className="cj-parts" aria-label="Unsigned value">
          <Part role="value (no signature)" text={view.raw} />
        </div>
      )}
      <p className="cj-verdict" data-valid={valid}>
        <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
        {describeVerdict(view, stored)}
      </p>
    </div>
  )
}

function Part({ role, text }: { role: string; text: string }) {
  return (
    <span className="cj-part" data-part={role}>
      <code>{text}</code>
      <small>{role}</small>
    </span>
  )
}

function EditValue({
  cookie,
  onSave,
  onCancel,
}: {
  cookie: JarCookie
  onSave: (value: string) => void
  onCancel: () => void
}) {
  const [value, setValue] = useState(cookie.value)
  return (
    <form
      className="cj-edit"
      onSubmit={(event) => {
        event.preventDefault()
        onSave(value.trim())
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        New value for {cookie.name} (as sent: URL-encoded)
        <input
          value={value}
          // The field the learner just asked for.
          autoFocus
          spellCheck={false}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <div className="cj-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function TamperActions({
  view,
  onTamper,
}: {
  view: SessionCookieView
  onTamper: (action: TamperAction, message: string) => void
}) {
  const signed = view.kind === 'signed'
  return (
    <fieldset className="cj-tamper">
      <legend>Tamper with it, as an attacker would</legend>
      <div className="cj-actions">
        <button
          type="button"
          disabled={!signed}
          onClick={() =>
            onTamper({ kind: 'flip-signature' }, 'Changed the last character of the signature.')
          }
        >
          Flip a signature character
        </button>
        <button
          type="button"
          disabled={!signed}
          onClick={() =>
            onTamper({ kind: 'drop-prefix' }, 'Dropped the s: prefix and the signature.')
          }
        >
          Drop the s: prefix
        </button>
      </div>
      <TamperWithInput
        label="New session id"
        button="Change the id"
        initial={view.kind === 'signed' ? view.id : ''}
        onApply={(id) =>
          onTamper({ kind: 'change-id', id }, `Changed the id to ${id}, keeping the old signature.`)
        }
      />
      <TamperWithInput
        label="Secret to sign with"
        button="Re-sign"
        initial=""
        placeholder="e.g. a guessed secret"
        onApply={(secret) =>
          onTamper({ kind: 'resign', secret }, `Re-signed the id with the secret “${secret}”.`)
        }
      />
    </fieldset>
  )
}

function TamperWithInput({
  label,
  button,
  initial,
  placeholder,
  onApply,
}: {
  label: string
  button: string
  initial: string
  placeholder?: string
  onApply: (text: string) => void
}) {
  const [text, setText] = useState(initial)
  const inputId = useId()
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (text !== '') onApply(text)
  }
  return (
    <form className="cj-tamper-input" onSubmit={submit}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={text}
        spellCheck={false}
        {...(placeholder === undefined ? {} : { placeholder })}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={text === ''}>
        {button}
      </button>
    </form>
  )
}
