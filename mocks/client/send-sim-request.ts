/**
 * Sends one simulated request through the real network stack of the page — a real `fetch` that
 * the MSW service worker intercepts — and reads back the simulated server's answer.
 */
import { decodeSimResponse, encodeSimRequest, type SimResponseMeta } from '../sim-http'
import type { SimRequest } from '../server'

export interface SimExchange {
  meta: SimResponseMeta
  body: Uint8Array
}

export async function sendSimRequest(
  base: string,
  request: SimRequest,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response> = (url, init) =>
    fetch(url, init),
): Promise<SimExchange> {
  const { url, init } = encodeSimRequest(base, request)
  const response = await fetchImpl(url, init)
  if (!response.headers.has('x-sim-response')) {
    throw new Error(
      `The request to ${url} was not answered by the playground's service worker (HTTP ${response.status}). Reload the page to start it again.`,
    )
  }
  return decodeSimResponse(response)
}
