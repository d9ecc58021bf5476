/**
 * The page's check of what the server worker says. Server code cannot reach the worker's port
 * (worker-lockdown.ts), but it shares the worker's built-ins with the glue that writes to it, so
 * the page treats every message as untrusted input: a message that does not fit is dropped, and
 * a result must have the shape its call promises.
 */
import * as z from 'zod/mini'
import type { WorkerCall, WorkerToPage } from './worker-protocol'

// z.number() already refuses NaN and ±Infinity.
const time = z.number()
const text = z.string()
const errorInfo = z.looseObject({ name: text, message: text })

const eventBody = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('console'), level: text, text }),
  z.looseObject({ kind: z.literal('debug'), namespace: text, message: text }),
  z.looseObject({ kind: z.literal('deprecation'), namespace: text, message: text, text }),
  z.looseObject({ kind: z.literal('store-call'), callId: z.number(), storeId: z.number() }),
  z.looseObject({ kind: z.literal('store-query'), sql: text, params: z.array(z.nullable(text)) }),
  z.looseObject({ kind: z.literal('store-result'), callId: z.number(), storeId: z.number() }),
  z.looseObject({ kind: z.literal('session-middleware'), info: z.looseObject({}) }),
  z.looseObject({ kind: z.literal('store-created'), storeId: z.number(), storeKind: text }),
  z.looseObject({ kind: z.literal('listen'), port: text }),
  z.looseObject({ kind: z.literal('uncaught-error'), error: errorInfo }),
  z.looseObject({ kind: z.literal('request-start'), requestId: z.number(), request: z.looseObject({}) }),
  z.looseObject({ kind: z.literal('request-end'), requestId: z.number(), outcome: z.looseObject({ ok: z.boolean() }) }),
  z.looseObject({ kind: z.literal('explanations'), requestId: z.number(), explanations: z.array(z.looseObject({})) }),
  z.looseObject({ kind: z.literal('server-start'), filename: text }),
  z.looseObject({ kind: z.literal('start-explanations'), explanations: z.array(z.looseObject({})) }),
  z.looseObject({ kind: z.literal('load-error'), filename: text, error: errorInfo }),
  z.looseObject({ kind: z.literal('server-stop'), reason: text }),
  z.looseObject({ kind: z.literal('clock') }),
]) // prettier-ignore

const engineEvent = z.intersection(eventBody, z.looseObject({ time }))
const events = z.array(engineEvent)
const callId = z.int().check(z.positive())

const workerToPage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), callId, value: z.unknown(), events }),
  z.object({ type: z.literal('failure'), callId, message: text, events }),
  z.object({ type: z.literal('events'), events }),
])

const loadResult = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: errorInfo }),
])

const resultOf: Record<WorkerCall['method'], z.ZodMiniType> = {
  start: loadResult,
  restart: loadResult,
  request: z.looseObject({
    requestId: z.number(),
    outcome: z.looseObject({ ok: z.boolean() }),
    explanations: z.array(z.looseObject({})),
  }),
  advanceClock: time,
  setClock: time,
  setClockFlowing: time,
  readStores: z.array(z.looseObject({})),
  readStoreChanges: z.array(z.looseObject({})),
  commandStore: z.undefined(),
}

/** The message, if it is one the worker may send; undefined otherwise. */
export function parseWorkerMessage(data: unknown): WorkerToPage | undefined {
  const parsed = workerToPage.safeParse(data)
  return parsed.success ? (data as WorkerToPage) : undefined
}

/** Whether `value` has the shape that `method`'s result must have. */
export function isResultOf(method: WorkerCall['method'], value: unknown): boolean {
  return resultOf[method].safeParse(value).success
}
