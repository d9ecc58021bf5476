import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers'
import { WorkerServerClient, type ServerTransport } from './server'
import { startSandboxedWorker, startUnsandboxedWorker } from './sandboxed-server-worker'
import serverWorkerUrl from './server/worker-url'

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

/**
 * The simulated server in a Web Worker of its own, started inside a sandboxed frame so that
 * server code reaches nothing outside its simulated world, with the client's watchdog around it.
 */
export function createServerWorkerClient(): WorkerServerClient {
  const start =
    import.meta.env.VITE_SERVER_WORKER_FRAME === 'none'
      ? startUnsandboxedWorker
      : startSandboxedWorker
  return new WorkerServerClient({ createWorker: () => start(serverWorkerUrl) })
}
