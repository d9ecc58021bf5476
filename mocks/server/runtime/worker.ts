/**
 * The server worker: one simulated server in its own thread, so Node's globals stay out of the
 * page and a server stuck in an endless loop can be terminated (worker-client.ts watches it).
 */
import createRealm from '../../../build/realm/realm.js'
import { createInProcessTransport } from './in-process-transport'
import { createHostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'
import type { EngineEvent } from './engine'
import type { PageToWorker, WorkerCall, WorkerToPage } from './worker-protocol'
import type { ServerTransport } from './server-transport'

interface WorkerScope {
  postMessage(message: WorkerToPage): void
  onmessage: ((event: { data: PageToWorker }) => void) | null
}

const scope = globalThis as unknown as WorkerScope
const platform = createHostPlatform()
let transport: ServerTransport | undefined
let pendingEvents: EngineEvent[] = []

/** Events are batched per macrotask: one message per burst instead of one per debug line. */
function queueEvent(event: EngineEvent): void {
  if (pendingEvents.length === 0) {
    platform.scheduleImmediate(() => {
      const events = pendingEvents
      pendingEvents = []
      scope.postMessage({ type: 'events', events })
    })
  }
  pendingEvents.push(event)
}

function flushEvents(): void {
  if (pendingEvents.length === 0) return
  scope.postMessage({ type: 'events', events: pendingEvents })
  pendingEvents = []
}

async function perform(server: ServerTransport, call: WorkerCall): Promise<unknown> {
  switch (call.method) {
    case 'start':
      return server.start(call.source, call.filename, call.options)
    case 'restart':
      return server.restart()
    case 'request':
      return server.request(call.request)
    case 'advanceClock':
      return server.advanceClock(call.ms)
    case 'setClock':
      return server.setClock(call.nowMs)
    case 'readStores':
      return server.readStores()
    case 'readStoreChanges':
      return server.readStoreChanges()
    case 'commandStore':
      return server.commandStore(call.command)
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === 'init') {
    const clock = new VirtualClock({ startMs: data.clockStartMs, flowing: data.flowingClock })
    transport = createInProcessTransport({
      createRealm,
      platform,
      clock,
      env: data.env,
      requestTimeoutMs: data.requestTimeoutMs,
    })
    transport.subscribe(queueEvent)
    return
  }
  const { callId, call } = data
  const server = transport
  if (!server) {
    scope.postMessage({ type: 'failure', callId, message: 'the server worker was not initialised' })
    return
  }
  perform(server, call).then(
    (value) => {
      // Events come first, so a result never arrives before what led to it.
      flushEvents()
      scope.postMessage({ type: 'result', callId, value })
    },
    (error: unknown) => {
      flushEvents()
      scope.postMessage({
        type: 'failure',
        callId,
        message: error instanceof Error ? error.message : String(error),
      })
    },
  )
}
