/**
 * Boots the simulated server: the server worker, then the MSW service worker that routes the
 * simulated browser's requests to it. Requests sent before `worker.start()` resolves would go
 * to the real network, so nothing is rendered until both are up. Where service workers cannot
 * run (a non-secure context, a browser that disables them), requests go to the same server
 * directly, and the learner is told so.
 */
import type { ServerTransport } from '../mocks/server'
import { createBrowserWorker, createServerWorkerClient } from '../mocks/browser'
import { sendSimRequest, toSimExchange, type SendFunction } from '../mocks/client'

export interface ServerConnection {
  server: ServerTransport
  send: SendFunction
  /** Set when requests bypass the service worker, with the reason in plain words. */
  notice: string | undefined
}

function serviceWorkerUnavailableReason(): string | undefined {
  if (!window.isSecureContext) {
    return 'this page is not served over https (or from localhost), and browsers only run service workers on secure pages'
  }
  // msw would fall back to patching fetch there, which this build leaves out (vite.config.ts).
  if (location.protocol === 'file:')
    return 'this page was opened from a file, and browsers only run service workers for pages served over http(s)'
  if (!('serviceWorker' in navigator))
    return 'this browser does not offer service workers here (a private window may disable them)'
  return undefined
}

function fallbackNotice(reason: string): string {
  return `Requests go straight to the simulated server, not through the browser's network layer: ${reason}. Everything else works the same.`
}

/**
 * msw/browser asks an existing registration to update without waiting for the answer
 * (get-worker-instance.ts). When the mock service worker has just unregistered itself (its last
 * page closed, as on a reload), that update rejects with "Not found" and nobody handles it.
 * Nothing is lost, so the rejection is not reported as the page's error; any other still is.
 */
function ignoreStaleWorkerUpdate(): void {
  addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason
    const message = reason instanceof Error ? reason.message : ''
    if (/^Failed to update a ServiceWorker for scope .*: Not found\.?$/.test(message))
      event.preventDefault()
  })
}

export async function connectServer(): Promise<ServerConnection> {
  const server = createServerWorkerClient()
  const direct: SendFunction = async (request) => toSimExchange(await server.request(request))
  const unavailable = serviceWorkerUnavailableReason()
  if (unavailable) return { server, send: direct, notice: fallbackNotice(unavailable) }

  const base = import.meta.env.BASE_URL
  ignoreStaleWorkerUpdate()
  try {
    await createBrowserWorker(() => server).start({
      serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
      onUnhandledFrame: 'bypass',
      quiet: true,
    })
  } catch (error) {
    const reason = `the service worker could not start (${error instanceof Error ? error.message : String(error)})`
    return { server, send: direct, notice: fallbackNotice(reason) }
  }
  return { server, send: (request) => sendSimRequest(base, request), notice: undefined }
}
