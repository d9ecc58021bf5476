import { describe, expect, it } from 'vitest'
import { WorkerServerClient, type WorkerLike } from './worker-client'
import type { EngineEvent } from './engine'
import type { PageToWorker, WorkerToPage } from './worker-protocol'

/** A stand-in worker that answers start calls and either answers or swallows requests. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerToPage }) => void) | null = null
  onerror: ((event: { message?: string }) => void) | null = null
  readonly received: PageToWorker[] = []
  terminated = false
  constructor(private readonly hangOnRequests: boolean) {}

  postMessage(message: PageToWorker): void {
    this.received.push(message)
    if (message.type !== 'call') return
    if (message.call.method === 'request' && this.hangOnRequests) return
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

describe('WorkerServerClient', () => {
  describe('when the server worker stops answering', () => {
    it('fails the request with SERVER_TIMEOUT, replaces the worker and starts the same code again', async () => {
      const workers: FakeWorker[] = []
      const client = new WorkerServerClient({
        createWorker: () => {
          const worker = new FakeWorker(workers.length === 0)
          workers.push(worker)
          return worker
        },
        watchdogMs: 50,
      })
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

  describe('when the worker answers in time', () => {
    it('resolves the call and keeps the worker', async () => {
      const workers: FakeWorker[] = []
      const client = new WorkerServerClient({
        createWorker: () => {
          const worker = new FakeWorker(false)
          workers.push(worker)
          return worker
        },
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
