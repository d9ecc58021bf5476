/**
 * How a simulated request crosses the real service worker. The simulated browser POSTs to
 * `<base>__sim` with the request it means to send described in the `x-sim-request` header and
 * the body as the body; the handler answers 200 with the server's real status and headers in
 * `x-sim-response`. Nothing cookie-shaped travels in real `Cookie`/`Set-Cookie` headers: MSW
 * would copy those into the real document.cookie, and the page could not read them anyway.
 */
import type { RequestResult, HeaderPair, SimRequest } from './server'

export const SIM_ENDPOINT_PATTERN = /\/__sim$/
/**
 * A response body longer than this reaches the simulated browser cut to this length: a 50 MB
 * `res.send` would otherwise be copied through the service worker, decoded and laid out whole,
 * and freeze the tab. Laying out text costs about 1 s per MB on a slow machine, so 1 MB, far
 * beyond any lesson's page. Status, headers and cookies travel whole.
 */
export const MAX_RESPONSE_BODY_BYTES = 1024 * 1024
const REQUEST_HEADER = 'x-sim-request'
const RESPONSE_HEADER = 'x-sim-response'

interface RequestMeta {
  method: string
  url: string
  headers: HeaderPair[]
  secure: boolean
}

export type SimResponseMeta = (
  | {
      ok: true
      requestId: number
      status: number
      statusMessage: string
      headers: HeaderPair[]
      explanations: RequestResult['explanations']
    }
  | {
      ok: false
      requestId: number
      error: { code: string; message: string }
      explanations: RequestResult['explanations']
    }
) & {
  /** The instance that answered, when several run behind a load balancer. */
  instance?: number
  /** Set when the body was cut to MAX_RESPONSE_BODY_BYTES: its whole length in bytes. */
  bodyBytes?: number
}

function packHeader(value: unknown): string {
  return encodeURIComponent(JSON.stringify(value))
}

function unpackHeader<T>(value: string | null, name: string): T {
  if (value === null) throw new Error(`the simulated exchange lacks its ${name} header`)
  return JSON.parse(decodeURIComponent(value)) as T
}

export function endpointUrl(base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}__sim`
}

export function encodeSimRequest(
  base: string,
  request: SimRequest,
): { url: string; init: RequestInit } {
  const meta: RequestMeta = {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    secure: request.secure === true,
  }
  const init: RequestInit = { method: 'POST', headers: { [REQUEST_HEADER]: packHeader(meta) } }
  if (request.body !== undefined) init.body = request.body as BodyInit
  return { url: endpointUrl(base), init }
}

export async function decodeSimRequest(request: Request): Promise<SimRequest> {
  const meta = unpackHeader<RequestMeta>(request.headers.get(REQUEST_HEADER), REQUEST_HEADER)
  const body = new Uint8Array(await request.arrayBuffer())
  return {
    method: meta.method,
    url: meta.url,
    headers: meta.headers,
    secure: meta.secure,
    ...(body.length > 0 ? { body } : {}),
  }
}

/** The server's answer as the simulated browser sees it; also used without MSW (Node, fallback). */
export function toSimExchange(result: RequestResult): { meta: SimResponseMeta; body: Uint8Array } {
  const { requestId, outcome, explanations } = result
  const meta: SimResponseMeta = outcome.ok
    ? {
        ok: true,
        requestId,
        status: outcome.response.status,
        statusMessage: outcome.response.statusMessage,
        headers: outcome.response.headers,
        explanations,
      }
    : { ok: false, requestId, error: outcome.error, explanations }
  if (result.instance !== undefined) meta.instance = result.instance
  if (!outcome.ok) return { meta, body: new Uint8Array() }
  const { body } = outcome.response
  if (body.length <= MAX_RESPONSE_BODY_BYTES) return { meta, body }
  meta.bodyBytes = body.length
  return { meta, body: body.subarray(0, MAX_RESPONSE_BODY_BYTES) }
}

export function encodeSimResponse(result: RequestResult): {
  body: Uint8Array | null
  headers: Record<string, string>
} {
  const { meta, body } = toSimExchange(result)
  return {
    body: meta.ok ? body : null,
    headers: { [RESPONSE_HEADER]: packHeader(meta), 'cache-control': 'no-store' },
  }
}

export async function decodeSimResponse(
  response: Response,
): Promise<{ meta: SimResponseMeta; body: Uint8Array }> {
  const meta = unpackHeader<SimResponseMeta>(response.headers.get(RESPONSE_HEADER), RESPONSE_HEADER)
  return { meta, body: new Uint8Array(await response.arrayBuffer()) }
}
