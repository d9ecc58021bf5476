/**
 * The app shell's way to talk to the simulated server: compose a request, send it through the
 * service worker, read the answer. Cookies are kept the simplest possible way (the last value
 * of each cookie name); the playground issue replaces this with real simulated browsers.
 */
import { useState, type FormEvent } from 'react'
import { sendSimRequest } from '../../../mocks/client/send-sim-request'
import type { SimResponseMeta } from '../../../mocks/sim-http'
import type { HeaderPair } from '../../../mocks/server/runtime/realm-types'
import type { ServerTransport } from '../../../mocks/server/runtime/server-transport'

interface Exchange {
  method: string
  path: string
  meta: SimResponseMeta
  body: string
}

function keepCookies(previous: string, headers: readonly HeaderPair[]): string {
  const jar = new Map(
    previous
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => [pair.split('=')[0] ?? '', pair] as const),
  )
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue
    const pair = value.split(';')[0]?.trim() ?? ''
    jar.set(pair.split('=')[0] ?? '', pair)
  }
  return [...jar.values()].join('; ')
}

export function RequestConsole({ server }: { server: ServerTransport }) {
  const [method, setMethod] = useState('GET')
  const [path, setPath] = useState('/')
  const [body, setBody] = useState('')
  const [cookie, setCookie] = useState('')
  const [exchange, setExchange] = useState<Exchange>()
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function send(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setFailure(undefined)
    const headers: HeaderPair[] = [['Host', 'localhost:3000']]
    if (cookie) headers.push(['Cookie', cookie])
    if (body) headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
    try {
      const result = await sendSimRequest(import.meta.env.BASE_URL, {
        method,
        url: path,
        headers,
        ...(body ? { body } : {}),
      })
      const text = new TextDecoder().decode(result.body)
      setExchange({ method, path, meta: result.meta, body: text })
      if (result.meta.ok)
        setCookie((previous) => keepCookies(previous, result.meta.ok ? result.meta.headers : []))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="request-heading" className="panel">
      <h2 id="request-heading">Request</h2>
      <form onSubmit={send} className="request-form">
        <label>
          Method
          <select value={method} onChange={(event) => setMethod(event.target.value)}>
            {['GET', 'POST', 'HEAD', 'PUT', 'DELETE'].map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Path
          <input value={path} onChange={(event) => setPath(event.target.value)} />
        </label>
        <label>
          Form body
          <input
            value={body}
            placeholder="username=alice&password=wonderland"
            onChange={(event) => setBody(event.target.value)}
          />
        </label>
        <label>
          Cookie header
          <input value={cookie} onChange={(event) => setCookie(event.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Send
        </button>
        <button type="button" onClick={() => void server.restart()}>
          Restart server
        </button>
      </form>
      {failure && <p role="alert">{failure}</p>}
      {exchange && <ExchangeView exchange={exchange} />}
    </section>
  )
}

function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { meta } = exchange
  return (
    <div className="exchange" aria-live="polite" data-request-id={meta.requestId}>
      {meta.ok ? (
        <>
          <p className="status-line" data-testid="status-line">
            {exchange.method} {exchange.path} → {meta.status} {meta.statusMessage}
          </p>
          <ul className="headers" aria-label="Response headers">
            {meta.headers.map(([name, value], index) => (
              <li key={index}>
                <b>{name}:</b> {value}
              </li>
            ))}
          </ul>
          <pre className="body" data-testid="response-body">
            {exchange.body}
          </pre>
        </>
      ) : (
        <p role="alert" data-testid="status-line">
          {exchange.method} {exchange.path} failed: {meta.error.message}
        </p>
      )}
      {meta.explanations.length > 0 && (
        <ul className="explanations" aria-label="Why">
          {meta.explanations.map((explanation) => (
            <li key={explanation.code} className={`explanation ${explanation.level}`}>
              {explanation.sentence}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
