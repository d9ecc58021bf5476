import type { Exchange } from '../../mocks/client'

function pathOf(url: string): string {
  try {
    const { pathname, search } = new URL(url)
    return `${pathname}${search}`
  } catch {
    return url
  }
}

/**
 * How the console and the store inspector name the request something happened in:
 * `#3 POST /login → 302`, from the network log; `#3` once the log no longer has the exchange.
 */
export function requestTitle(requestId: number, exchanges: readonly Exchange[]): string {
  const exchange = exchanges.find((candidate) => candidate.requestId === requestId)
  if (!exchange) return `#${requestId}`
  const status = exchange.response
    ? String(exchange.response.status)
    : (exchange.error?.code ?? '…')
  return `#${requestId} ${exchange.method} ${pathOf(exchange.url)} → ${status}`
}
