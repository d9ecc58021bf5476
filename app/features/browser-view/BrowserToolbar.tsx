import { useState, type FormEvent } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState } from '../../state/use-playground-state'
import type { TabState } from '../../state/browsers-slice'
import { parseAddress } from './address'

/** Back, forward, reload and the address bar of one tab. */
export function BrowserToolbar({
  tab,
  shownUrl,
  autoFocus,
  onNavigate,
  onProblem,
}: {
  tab: TabState
  /** The URL the address bar shows when the learner is not typing. */
  shownUrl: string
  autoFocus: boolean
  onNavigate: (url: string) => void
  onProblem: (message: string | undefined) => void
}) {
  const playground = usePlayground()
  const scheme = usePlaygroundState((state) => state.profiles[tab.profile].settings.scheme)
  const [draft, setDraft] = useState<string>()
  const canGoBack = tab.historyIndex > 0
  const canGoForward = tab.historyIndex < tab.history.length - 1
  const canReload = tab.historyIndex >= 0
  const secure = (shownUrl ? new URL(shownUrl).protocol : `${scheme}:`) === 'https:'

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const address = parseAddress(draft ?? shownUrl, scheme)
    if (!address.ok) {
      onProblem(address.message)
      return
    }
    if (address.scheme && address.scheme !== scheme)
      playground.setSettings(tab.profile, { scheme: address.scheme })
    setDraft(undefined)
    onNavigate(address.url)
  }

  return (
    <div className="bv-toolbar">
      <button
        type="button"
        className="bv-icon-button"
        aria-label="Back"
        title="Back"
        disabled={!canGoBack || tab.loading}
        onClick={() => void playground.goBack(tab.id)}
      >
        ←
      </button>
      <button
        type="button"
        className="bv-icon-button"
        aria-label="Forward"
        title="Forward"
        disabled={!canGoForward || tab.loading}
        onClick={() => void playground.goForward(tab.id)}
      >
        →
      </button>
      <button
        type="button"
        className="bv-icon-button"
        aria-label="Reload"
        title="Reload"
        disabled={!canReload || tab.loading}
        onClick={() => void playground.reload(tab.id)}
      >
        ↻
      </button>
      <form className="bv-address" onSubmit={submit}>
        <span
          className="bv-security"
          data-secure={secure}
          title={secure ? 'Connection is https' : 'Plain http: anyone on the network can read it'}
        >
          {secure ? (
            <span role="img" aria-label="Secure">
              🔒
            </span>
          ) : (
            <>
              <span aria-hidden="true" className="bv-security-icon">
                ⚠
              </span>
              <span className="bv-security-text">Not secure</span>
            </>
          )}
        </span>
        <input
          className="bv-address-input"
          aria-label="Address"
          name="address"
          autoComplete="off"
          spellCheck={false}
          placeholder="Type a path like / or /login"
          value={draft ?? shownUrl}
          // A new tab focuses its address bar, as in Chrome.
          autoFocus={autoFocus}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setDraft(event.target.value)
            onProblem(undefined)
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || draft === undefined) return
            setDraft(undefined)
            onProblem(undefined)
          }}
        />
      </form>
    </div>
  )
}
