import { afterEach, describe, expect, it, vi } from 'vitest'
import { Engine, type EngineEvent } from './engine'
import { createHostPlatform } from './host-platform'
import { reportListenerErrorsWith, reportOnConsole } from './listener-errors'
import { VirtualClock } from './virtual-clock'
import { WorkerServerClient, type WorkerLike } from './worker-client'

let restoreReporter: (() => void) | undefined
afterEach(() => {
  restoreReporter?.()
  restoreReporter = undefined
  vi.restoreAllMocks()
})

/** Collects what would be reported, in place of the suites' fail-the-test reporter. */
function captureReports() {
  const reports: Array<{ error: unknown; kind: string }> = []
  restoreReporter = reportListenerErrorsWith((error, event) => {
    reports.push({ error, kind: event.kind })
  })
  return reports
}

/** An engine that is never started: moving its clock is enough to publish an event. */
function idleEngine() {
  return new Engine({
    createRealm: () => {
      throw new Error('this spec starts no server')
    },
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: Date.UTC(2030, 0, 1) }),
  })
}

const listenerBug = new TypeError('listener bug')

describe('a listener that throws on an engine event', () => {
  it('does not keep the event from the listeners before and after it', () => {
    captureReports()
    const engine = idleEngine()
    const before: EngineEvent[] = []
    const after: EngineEvent[] = []
    engine.subscribe((event) => before.push(event))
    engine.subscribe(() => {
      throw listenerBug
    })
    engine.subscribe((event) => after.push(event))

    engine.clock.advance(1000)

    const clockEvent = { kind: 'clock', time: Date.UTC(2030, 0, 1) + 1000 }
    expect(before).toEqual([clockEvent])
    expect(after).toEqual([clockEvent])
  })

  it('is reported with the event it threw on', () => {
    const reports = captureReports()
    const engine = idleEngine()
    engine.subscribe(() => {
      throw listenerBug
    })
    engine.clock.advance(1000)
    engine.clock.advance(1000)
    expect(reports).toEqual([
      { error: listenerBug, kind: 'clock' },
      { error: listenerBug, kind: 'clock' },
    ])
  })

  it('is reported on the console by default, as the app does', () => {
    // The suites' setup file replaced the console reporter; this spec puts it back.
    restoreReporter = reportListenerErrorsWith(reportOnConsole)
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const engine = idleEngine()
    engine.subscribe(() => {
      throw listenerBug
    })
    engine.clock.advance(1000)
    expect(consoleError.mock.calls).toEqual([
      [
        'A listener of the simulated server\'s "clock" event threw; the other listeners still got the event.',
        listenerBug,
      ],
    ])
  })
})

/** Delivers one message of events to the page, as the server worker does. */
class EventsOnlyWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: { message?: string }) => void) | null = null
  postMessage(): void {}
  terminate(): void {}
  send(events: EngineEvent[]): void {
    this.onmessage?.({ data: { type: 'events', events } })
  }
}

describe('a listener that throws on an event from the server worker', () => {
  it('is reported, and the other listeners still get that event and the ones after it', async () => {
    const reports = captureReports()
    const worker = new EventsOnlyWorker()
    const client = new WorkerServerClient({ createWorker: () => worker })
    const received: EngineEvent[] = []
    client.subscribe(() => {
      throw listenerBug
    })
    client.subscribe((event) => received.push(event))
    const events: EngineEvent[] = [
      { kind: 'server-start', time: 1, filename: 'server.js' },
      { kind: 'server-stop', time: 2, reason: 'restart' },
    ]
    worker.send(events)
    await vi.waitFor(() => expect(received).toHaveLength(2))
    expect(received).toEqual(events)
    expect(reports).toEqual([
      { error: listenerBug, kind: 'server-start' },
      { error: listenerBug, kind: 'server-stop' },
    ])
    client.dispose()
  })
})
