import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers'
import type { ServerTransport } from './server/host/server-transport'

export function createBrowserWorker(getServer: () => ServerTransport) {
  const worker = setupWorker(...createHandlers(getServer))
  // For its life-cycle events the service worker sends every mocked response back once more,
  // its body a stream teed in the worker and transferred to the page. Nothing here reads it;
  // left open, each one keeps its buffers and channel alive on both sides, request after request.
  worker.events.on('response:mocked', ({ response }) => {
    void response.body?.cancel()
  })
  return worker
}
