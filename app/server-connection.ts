/**
 * Boots the simulated server: the server worker, then the MSW service worker that routes the
 * simulated browser's requests to it. Requests sent before `worker.start()` resolves would go
 * to the real network, so nothing is rendered until both are up.
 */
import { WorkerServerClient, type WorkerLike } from '../mocks/server/runtime/worker-client'
import { createBrowserWorker } from '../mocks/browser'
import type { ServerTransport } from '../mocks/server/runtime/server-transport'

export class ServiceWorkerUnavailableError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ServiceWorkerUnavailableError'
  }
}

export async function connectServer(): Promise<ServerTransport> {
  if (!('serviceWorker' in navigator)) {
    throw new ServiceWorkerUnavailableError(
      window.isSecureContext
        ? 'This browser does not offer service workers (they may be disabled, e.g. in a private window).'
        : 'Service workers only run on https:// or http://localhost pages, and this page is neither.',
    )
  }
  const server = new WorkerServerClient({
    // The DOM's Worker types its messages loosely; WorkerLike pins them to our protocol.
    createWorker: () =>
      new Worker(new URL('../mocks/server/runtime/worker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
  })
  const base = import.meta.env.BASE_URL
  await createBrowserWorker(() => server).start({
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
    onUnhandledFrame: 'bypass',
    quiet: true,
  })
  return server
}
