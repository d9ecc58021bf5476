/**
 * Turns a transcript into comparable text lines. Only true nondeterminism is normalized, and
 * each rule says why:
 * - session ids are random (uid-safe): each becomes `<idN>` by first appearance, so the same
 *   session must show up at the same places on both sides;
 * - a signature is an HMAC of that random id: it is verified here with Node's crypto against the
 *   scenario's secrets and replaced by the secret that made it (`<sig:secret0>`) or `<sig:invalid>`;
 * - the `Date` response header is real time on Node (its http layer does not use the faked Date);
 * - stack frames name different files and internals on each side: a stack keeps its first line;
 * - depd's location, and the source excerpt above a crash report, are only comparable when
 *   they point into server.js (elsewhere they name a package file by its path on this
 *   machine); Node's pid is random.
 * A Content-Length or ETag that depends on a normalized body is checked against the raw body
 * and then replaced by what it was checked to be.
 */
import { createHash, createHmac } from 'node:crypto'
import {
  isHttpResponse,
  type HttpResponse,
  type StepRecord,
  type StoreSnapshot,
  type Transcript,
} from './transcript'

/** uid-safe's 24 random bytes in base64url: 32 characters (docs/express-session-behaviour.md). */
const SESSION_ID = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g
/** A random id has both cases (a 32-letter word in one case is not an id). */
const looksRandom = (token: string) => /[a-z]/.test(token) && /[A-Z]/.test(token)
/** `s:<value>.<base64 HMAC-SHA256 without '='>`, raw or percent-encoded (the same document). */
const SIGNED_VALUE = /(s:|s%3A)([^\s;,"'<>]+?)\.((?:[A-Za-z0-9+/]|%2B|%2F){43})(?![A-Za-z0-9+/])/g
/** A V8 stack frame line, as printed by Node, the simulated runtime and Express's error page. */
/** `file: 'parse_relation.c',\n  line: '1392',` in an inspected pg DatabaseError. */
const POSTGRES_SOURCE_LINE = /(file: '[\w-]+\.c',\s+line: )'\d+'/g

const STACK_FRAME = /\n {4}at [^\n]*/g
const HTML_STACK_FRAME = /<br> &nbsp; &nbsp;at .*?(?=<br>|<\/pre>)/g
const DEPRECATION_SITE = /^(.* deprecated .*) at (\S+):(\d+):(\d+)$/s
/** The source excerpt Node prints above a fatal exception: `file:line`, the line, a caret. */
const CRASH_CODE_FRAME = /^(\S+):\d+\n[^\n]*\n *\^+\n\n/
const TEMP_DIRECTORY = /\/\S*?\/differential-[A-Za-z0-9]+\//g

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function sign(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')
}

/** The weak ETag Express computes for a body (the `etag` package). */
function weakEtag(body: string): string {
  if (body.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"'
  const hash = createHash('sha1').update(body, 'utf8').digest('base64').substring(0, 27)
  return `W/"${Buffer.byteLength(body, 'utf8').toString(16)}-${hash}"`
}

class Normalizer {
  private readonly ids = new Map<string, string>()

  constructor(private readonly secrets: readonly string[]) {}

  private label(token: string): string {
    if (!looksRandom(token)) return token
    let label = this.ids.get(token)
    if (!label) {
      label = `<id${this.ids.size + 1}>`
      this.ids.set(token, label)
    }
    return label
  }

  /** Ids and signatures anywhere in a piece of text. */
  text(text: string): string {
    const signed = text.replace(
      SIGNED_VALUE,
      (_all, prefix: string, value: string, sig: string) => {
        const decodedValue = safeDecode(value)
        const signature = sig.replaceAll('%2B', '+').replaceAll('%2F', '/')
        const secret = this.secrets.findIndex(
          (candidate) => sign(decodedValue, candidate) === signature,
        )
        const shownValue = value.replace(SESSION_ID, (id) => this.label(id))
        return `${prefix}${shownValue}.${secret === -1 ? '<sig:invalid>' : `<sig:secret${secret}>`}`
      },
    )
    return signed.replace(SESSION_ID, (id) => this.label(id))
  }

  output(stream: string, text: string): string {
    let normalized = text
      .replace(STACK_FRAME, (frame) => (frame.endsWith(' {') ? ' {' : ''))
      .replace(TEMP_DIRECTORY, '')
      .replace(/\(node:\d+\)/g, '(node:<pid>)')
      // Where in Postgres's C source an error was raised differs between Postgres versions
      // (Debian's server and PGlite); the error itself (code, message, position) does not.
      .replace(POSTGRES_SOURCE_LINE, "$1'<line>'")
      // A crash report ends with the version of the Node that printed it: the runtime imitates
      // Node 24, while the real one is whichever runs the tests (22.12 or newer).
      .replace(/\nNode\.js v\d+\.\d+\.\d+$/, '\nNode.js v<version>')
    const site = DEPRECATION_SITE.exec(normalized)
    if (site && site[2] !== 'server.js') normalized = site[1] ?? normalized
    const frame = CRASH_CODE_FRAME.exec(normalized)
    if (frame && frame[1] !== 'server.js') normalized = normalized.slice(frame[0].length)
    return `${stream}: ${JSON.stringify(this.text(normalized))}`
  }

  response(response: HttpResponse): string[] {
    const rawBody = response.body
    const body = this.text(rawBody.replace(HTML_STACK_FRAME, ''))
    const bodyChanged = body !== rawBody
    const lines = [`response: ${response.status} ${response.statusMessage}`]
    for (const [name, value] of response.headers) {
      const key = name.toLowerCase()
      if (key === 'date') continue
      let shown = this.text(value)
      if (bodyChanged && key === 'content-length' && Number(value) === Buffer.byteLength(rawBody)) {
        shown = '<length of the body>'
      }
      if (bodyChanged && key === 'etag' && value === weakEtag(rawBody)) shown = '<etag of the body>'
      lines.push(`header ${name}: ${shown}`)
    }
    lines.push(`body: ${JSON.stringify(body)}`)
    return lines
  }

  stores(stores: StoreSnapshot[]): string[] {
    return stores.flatMap((store, index) => {
      if (store.entries === null) return [`store${index} ${store.kind}: (opaque)`]
      const entries = Object.entries(store.entries)
      if (entries.length === 0) return [`store${index} ${store.kind}: (empty)`]
      const lines = entries.map(
        ([id, value]) =>
          `store${index} ${store.kind}: ${this.text(id)} = ${this.text(JSON.stringify(value))}`,
      )
      // Redis keeps keys in no order (KEYS answers in hash order), and a table's rows have
      // none either: compared as sets.
      return store.kind === 'RedisStore' || store.kind === 'PGStore' ? lines.sort() : lines
    })
  }

  step(record: StepRecord): string[] {
    const lines: string[] = []
    if (record.loadError) {
      const { name, message, header } = record.loadError
      if (header !== undefined) lines.push(`load error header: ${JSON.stringify(header)}`)
      lines.push(`load error: ${name}: ${message}`)
    }
    if (record.exchange) {
      if (isHttpResponse(record.exchange)) lines.push(...this.response(record.exchange))
      else lines.push(`no response: ${record.exchange.error}`)
    }
    for (const call of record.storeCalls) {
      const id = call.sessionId === undefined ? '' : ` ${this.text(call.sessionId)}`
      lines.push(`store${call.store}.${call.operation}${id}`)
    }
    for (const line of record.output) lines.push(this.output(line.stream, line.text))
    lines.push(...this.stores(record.stores))
    return lines
  }
}

export interface NormalizedStep {
  title: string
  lines: string[]
}

export function normalizeTranscript(
  transcript: Transcript,
  secrets: readonly string[],
): NormalizedStep[] {
  const normalizer = new Normalizer(secrets)
  return transcript.steps.map((record) => ({ title: record.title, lines: normalizer.step(record) }))
}
