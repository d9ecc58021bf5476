import { describe, expect, it } from 'vitest'
import { WorkerServerClient, type WorkerLike } from './worker-client'
import type { EngineEvent } from './engine'
import type { PageToWorker } from './worker-protocol'

/** A stand-in worker that answers its calls, or swallows those of one method (stuck in a loop). */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: { message?: string }) => void) | null = null
  onprocessexit: (() => void) | null = null
  readonly received: PageToWorker[] = []
  terminated = false
  constructor(
    private readonly hangOn: 'request' | 'start' | 'nothing',
    private readonly processAlive = true,
  ) {}

  isProcessAlive(): Promise<boolean> {
    return Promise.resolve(this.processAlive)
  }

  postMessage(message: PageToWorker): void {
    this.received.push(message)
    if (message.type !== 'call') return
    if (message.call.method === this.hangOn) return
    const value =
      message.call.method === 'start'
        ? { ok: true }
        : { requestId: 1, outcome: { ok: true }, explanations: [] }
    queueMicrotask(() =>
      this.onmessage?.({ data: { type: 'result', callId: message.callId, value, events: [] } }),
    )
  }

  terminate(): void {
    this.terminated = true
  }
}

/** A client whose every worker the test makes, and the workers it made, in order. */
function clientOfWorkers(
  makeWorker: (index: number) => FakeWorker,
  options: { watchdogMs?: number } = {},
): { client: WorkerServerClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = []
  const client = new WorkerServerClient({
    createWorker: () => {
      const worker = makeWorker(workers.length)
      workers.push(worker)
      return worker
    },
    ...options,
  })
  return { client, workers }
}

describe('WorkerServerClient', () => {
  describe('when the server worker stops answering', () => {
    it('fails the request with SERVER_TIMEOUT, replaces the worker and starts the same code again', async () => {
      const { client, workers } = clientOfWorkers(
        (index) => new FakeWorker(index === 0 ? 'request' : 'nothing'),
        { watchdogMs: 50 },
      )
      const events: EngineEvent[] = []
      client.subscribe((event) => events.push(event))
      await client.start('module.exports = require("express")()', 'server.js')

      const result = await client.request({ method: 'GET', url: '/', headers: [] })

      expect(result.outcome).toMatchObject({ ok: false, error: { code: 'SERVER_TIMEOUT' } })
      expect(!result.outcome.ok && result.outcome.error.message).toMatch(
        /every session in its memory is gone/,
      )
      expect(workers[0]?.terminated).toBe(true)
      expect(workers).toHaveLength(2)
      const restarted = workers[1]?.received.find((message) => message.type === 'call')
      expect(restarted).toMatchObject({
        call: { method: 'start', source: 'module.exports = require("express")()' },
      })
      expect(events.some((event) => event.kind === 'server-stop')).toBe(true)
      client.dispose()
    })
  })

  describe('when server.js never finishes starting', () => {
    it('stops it once, says why, and does not start it again until asked', async () => {
      const { client, workers } = clientOfWorkers(() => new FakeWorker('start'), { watchdogMs: 50 })
      const events: EngineEvent[] = []
      client.subscribe((event) => events.push(event))

      const result = await client.start('while (true) {}', 'server.js')

      expect(result).toEqual({
        ok: false,
        error: {
          name: 'Error',
          message: expect.stringMatching(
            /^server\.js did not finish starting \(endless loop at the top level\?\)/,
          ) as unknown,
        },
      })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(workers).toHaveLength(2)
      expect(workers[1]?.received.filter((message) => message.type === 'call')).toEqual([])
      expect(events.filter((event) => event.kind === 'server-stop')).toHaveLength(1)
      client.dispose()
    })
  })

  describe('when the worker’s process died (out of memory)', () => {
    it('says the server ran out of memory and leaves it stopped', async () => {
      const { client, workers } = clientOfWorkers(
        (index) => new FakeWorker(index === 0 ? 'request' : 'nothing', false),
        { watchdogMs: 50 },
      )
      await client.start('module.exports = require("express")()', 'server.js')

      const result = await client.request({ method: 'GET', url: '/', headers: [] })

      expect(!result.outcome.ok && result.outcome.error.message).toMatch(/ran out of memory/)
      expect(workers[1]?.received.filter((message) => message.type === 'call')).toEqual([])
      // Restart starts the same code in the replacement worker.
      await expect(client.restart()).resolves.toEqual({ ok: true })
      expect(workers[1]?.received.at(-1)).toMatchObject({
        call: { method: 'start', source: 'module.exports = require("express")()' },
      })
      client.dispose()
    })

    it('says so while no call waits, with Node’s heap-limit report, and starts nothing', async () => {
      const { client, workers } = clientOfWorkers(() => new FakeWorker('nothing'))
      const events: EngineEvent[] = []
      client.subscribe((event) => events.push(event))
      await client.start('module.exports = require("express")()', 'server.js')

      workers[0]?.onprocessexit?.()
      // A second report of the same death changes nothing.
      workers[0]?.onprocessexit?.()

      expect(workers.map((worker) => worker.terminated)).toEqual([true, false])
      expect(workers[1]?.received.filter((message) => message.type === 'call')).toEqual([])
      expect(events.filter((event) => event.kind !== 'clock')).toEqual([
        expect.objectContaining({
          kind: 'server-stop',
          reason: expect.stringMatching(/ran out of memory/) as unknown,
        }),
        expect.objectContaining({
          kind: 'uncaught-error',
          error: expect.objectContaining({ message: expect.stringMatching(/heap out of memory/) }),
        }),
      ])
      await expect(client.restart()).resolves.toEqual({ ok: true })
      client.dispose()
    })
  })

  describe('when a message does not come from a call the page made', () => {
    it('ignores forged events, replies to unknown or settled calls, and wrong shapes', async () => {
      const worker = new FakeWorker('request')
      const client = new WorkerServerClient({ createWorker: () => worker, watchdogMs: 10_000 })
      const events: EngineEvent[] = []
      client.subscribe((event) => events.push(event))
      await client.start('module.exports = require("express")()', 'server.js')
      const pending = client.request({ method: 'GET', url: '/', headers: [] })
      const requestCall = worker.received.at(-1)
      const callId = requestCall?.type === 'call' ? requestCall.callId : -1

      worker.onmessage?.({ data: { type: 'events', events: [{ kind: 'clock' }] } })
      worker.onmessage?.({ data: { type: 'events', events: [{ kind: 'made-up', time: 0 }] } })
      worker.onmessage?.({ data: { type: 'result', callId: 999, value: 1, events: [] } })
      worker.onmessage?.({ data: 'server-stop' })
      worker.onmessage?.({ data: { type: 'result', callId, value: { fake: 'page' }, events: [] } })

      await expect(pending).rejects.toThrow(/an answer of the wrong shape/)
      // The same call, settled already: a second answer changes nothing.
      const late = { requestId: 7, outcome: { ok: true }, explanations: [] }
      worker.onmessage?.({ data: { type: 'result', callId, value: late, events: [] } })
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(events).toEqual([])
      client.dispose()
    })
  })

  describe('when the worker answers in time', () => {
    it('resolves the call and keeps the worker', async () => {
      const { client, workers } = clientOfWorkers(() => new FakeWorker('nothing'), {
        watchdogMs: 50,
      })
      const result = await client.request({ method: 'GET', url: '/', headers: [] })
      expect(result.outcome.ok).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 80))
      expect(workers).toHaveLength(1)
      client.dispose()
    })
  })

  describe('when an answer carries the events of its call', () => {
    it('resolves the call first, then publishes them in order in the next task', async () => {
      const console = (text: string): EngineEvent => ({
        kind: 'console',
        time: 0,
        requestId: 1,
        level: 'log',
        text,
      })
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage(message: PageToWorker) {
          if (message.type !== 'call') return
          const events = [console('first'), console('second')]
          const value = { requestId: 1, outcome: { ok: true }, explanations: [] }
          queueMicrotask(() =>
            worker.onmessage?.({ data: { type: 'result', callId: message.callId, value, events } }),
          )
        },
        terminate() {},
      }
      const client = new WorkerServerClient({ createWorker: () => worker })
      const seen: string[] = []
      client.subscribe((event) => seen.push(event.kind === 'console' ? event.text : event.kind))
      await client.request({ method: 'GET', url: '/', headers: [] }).then(() => seen.push('result'))
      expect(seen).toEqual(['result'])
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(seen).toEqual(['result', 'first', 'second'])
      client.dispose()
    })
  })
})
