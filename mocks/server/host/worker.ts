/**
 * The server worker: one simulated server in its own thread, so Node's globals stay out of the
 * page and a server stuck in an endless loop can be terminated (worker-client.ts watches it).
 * It talks to the page only over the port the page sends first (worker-lockdown.ts).
 */
import createRealm from '../../../build/realm/realm.js'
import { createInProcessTransport, type InProcessTransport } from './in-process-transport'
import { createHostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'
import type { EngineEvent } from './engine'
import { awaitPageChannel, lockDownWorker, type PageChannel } from './worker-lockdown'
import { captureScriptEvaluation } from './script-evaluation'
import type { PageToWorker, WorkerAnswer, WorkerCall, WorkerToPage } from './worker-protocol'

/** The folder this module was loaded from: the site's own scripts and assets. */
const ownAssets = new URL(/* @vite-ignore */ './', import.meta.url).href
let page: PageChannel | undefined
const toPage = (message: WorkerToPage) => page?.send(message)
const evaluateScript = captureScriptEvaluation()
const platform = { ...createHostPlatform(), ...(evaluateScript ? { evaluateScript } : {}) }
let transport: InProcessTransport | undefined
let pendingEvents: EngineEvent[] = []
let callsInFlight = 0
let flushTimer: ReturnType<typeof platform.setTimer> | undefined

/**
 * Events wait to be sent: the page redraws its panels once per message, not once per debug
 * line. Outside a call, a burst is sent at the end of its macrotask. During a call, they travel
 * with its result (one message, one redraw for a whole request); a call that takes long (a
 * route waiting on a timer) still streams them, every STREAM_MS.
 */
const STREAM_MS = 25

function queueEvent(event: EngineEvent): void {
  const first = pendingEvents.length === 0
  pendingEvents.push(event)
  if (!first) return
  if (callsInFlight === 0) platform.scheduleImmediate(sendPendingEvents)
  else flushTimer ??= platform.setTimer(sendPendingEvents, STREAM_MS, false)
}

function sendPendingEvents(): void {
  if (flushTimer !== undefined) platform.clearTimer(flushTimer)
  flushTimer = undefined
  if (pendingEvents.length === 0) return
  toPage({ type: 'events', events: pendingEvents })
  pendingEvents = []
}

/** The events so far, to send with a call's answer. */
function takePendingEvents(): EngineEvent[] {
  if (flushTimer !== undefined) platform.clearTimer(flushTimer)
  flushTimer = undefined
  const events = pendingEvents
  pendingEvents = []
  return events
}

async function perform(server: InProcessTransport, call: WorkerCall): Promise<unknown> {
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
    case 'setClockFlowing':
      return server.setClockFlowing(call.flowing)
    case 'readStores':
      return server.readStores()
    case 'readStoreChanges':
      return server.readStoreChanges()
    case 'commandStore':
      return server.commandStore(call.command)
  }
}

function receive(data: PageToWorker): void {
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
    toPage({
      type: 'failure',
      callId,
      message: 'the server worker was not initialised',
      events: [],
    })
    return
  }
  callsInFlight++
  const answer = (message: DistributiveOmit<WorkerAnswer, 'events'>) => {
    callsInFlight--
    toPage({ ...message, events: takePendingEvents() })
  }
  perform(server, call).then(
    (value) => answer({ type: 'result', callId, value }),
    (error: unknown) =>
      answer({
        type: 'failure',
        callId,
        message: error instanceof Error ? error.message : String(error),
      }),
  )
}

// Only realms run code in this worker besides the glue: a rejection nobody handled is theirs,
// and crashes the server as it would crash Node (not the worker, which serves the next start).
addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  transport?.reportUnhandledRejection(event.reason)
})

// WebKit evaluates this entry module a second time when the lazy Postgres chunk imports it (for
// the bundler's helpers, which live in the entry chunk). The page's port comes once, to the first
// copy; the second waits for one in vain and takes no message from the first.
void awaitPageChannel().then((port) => {
  page = lockDownWorker(port, import.meta.env.DEV ? new URL('/', ownAssets).href : ownAssets)
  page.onReceive((data) => receive(data as PageToWorker))
})

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
