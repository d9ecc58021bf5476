/**
 * The real server of the suite: node `http` and `https` on loopback, one handler for both. Each
 * request names its case, navigation and hop in the query (`?k=12.0.1`); the answer is written
 * to the socket byte for byte, because Set-Cookie lines with control characters are part of the
 * corpus and Node's own header writer would refuse them. Every answer is logged, so the simulated
 * browser can be handed exactly what Chromium got, at the moment Chromium got it.
 */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import selfsigned from 'selfsigned'
import { expandLine, type Case, type Hop } from './case-types'

export interface LoggedResponse {
  /** Wall-clock ms when the server answered. */
  atMs: number
  url: string
  /** The Cookie header the browser sent, if any. */
  cookieHeader: string | undefined
  status: number
  headers: Array<[string, string]>
}

export interface CaseServer {
  httpPort: number
  httpsPort: number
  log: Map<string, LoggedResponse>
  close(): Promise<void>
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
}

/** The hop key a URL carries, `12.0.1`. */
export function hopKey(caseIndex: number, navigation: number, hop: number): string {
  return `${caseIndex}.${navigation}.${hop}`
}

export function withHopKey(url: string, key: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set('k', key)
  return parsed.href
}

function responseHeaders(hop: Hop, nextUrl: string | undefined, atMs: number) {
  const headers: Array<[string, string]> = []
  for (const cookie of hop.setCookies) {
    const expires =
      cookie.expiresInSeconds === undefined
        ? ''
        : new Date(atMs + cookie.expiresInSeconds * 1000).toUTCString()
    headers.push(['Set-Cookie', expandLine(cookie.line).replace('{expires}', expires)])
  }
  if (nextUrl !== undefined) headers.push(['Location', nextUrl])
  return headers
}

const PAGE = '<!doctype html><link rel=icon href="data:,"><title>ok</title><p>ok</p>'

export async function startCaseServer(cases: readonly Case[]): Promise<CaseServer> {
  const log = new Map<string, LoggedResponse>()

  const handle = (request: http.IncomingMessage, socket: Socket) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
    const key = url.searchParams.get('k')
    const [caseIndex, navIndex, hopIndex] = (key ?? '').split('.').map(Number)
    const hop = cases[caseIndex ?? -1]?.navigations[navIndex ?? -1]?.hops[hopIndex ?? -1]
    let status = 200
    let headers: Array<[string, string]> = []
    const atMs = Date.now()
    if (key && hop) {
      const next = hop.redirect
        ? withHopKey(hop.redirect.to, hopKey(caseIndex!, navIndex!, hopIndex! + 1))
        : undefined
      // 204: the browser stores the cookies but stays on the page that started the navigation,
      // so that page can start the next one without being loaded again.
      status = hop.redirect?.status ?? 204
      headers = responseHeaders(hop, next, atMs)
      log.set(key, {
        atMs,
        url: url.pathname + url.search,
        cookieHeader: request.headers.cookie,
        status,
        headers,
      })
    }
    const body = status === 200 ? PAGE : ''
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`,
      ...headers.map(([name, value]) => `${name}: ${value}`),
      'Content-Type: text/html; charset=utf-8',
      'Cache-Control: no-store',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ]
    // latin1 keeps every code unit a single byte: what the simulated browser reads back.
    socket.end(Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1'))
  }

  const pems = await selfsigned.generate([{ name: 'commonName', value: 'session.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
  })
  const onRequest = (request: http.IncomingMessage) => {
    // The request body (a form post) is read and dropped before answering on the raw socket.
    request.resume()
    request.on('end', () => handle(request, request.socket))
  }
  const plain = http.createServer(onRequest)
  const secure = https.createServer({ key: pems.private, cert: pems.cert }, onRequest)
  await Promise.all(
    [plain, secure].map(
      (server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    ),
  )
  const close = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return {
    httpPort: (plain.address() as AddressInfo).port,
    httpsPort: (secure.address() as AddressInfo).port,
    log,
    close: async () => {
      await Promise.all([close(plain), close(secure)])
    },
  }
}
