/**
 * The simulated server's one door. The page (app/), the simulated browsers (mocks/client) and the
 * MSW adapters reach the server only through what this module exports: the wire and event types,
 * the store views, the explanation types and codes, and the clients that start and talk to a
 * server — in a Web Worker for the page, in-process for Node and the specs. Everything under
 * realm/ and host/ stays internal, so either side can be rearranged behind this list.
 */
export type {
  ErrorInfo,
  HeaderPair,
  LoadResult,
  RealmEvent,
  SessionMiddlewareInfo,
  SimRequest,
  SimResponse,
  SourceLocation,
  StoreOperation,
} from './realm/realm-types'
export type { EngineEvent, EngineListener, RequestResult } from './host/engine'
export type {
  ServerTransport,
  StartOptions,
  StoreChange,
  StoreCommand,
  StoreSnapshot,
  StoreView,
} from './host/server-transport'
export type {
  Explanation,
  ExplanationLevel,
  RequestOutcome,
  RequestTrace,
} from './explain/explanation-types'
export { EXPLANATION_CODES, explanationTitles } from './explain/explanation-catalogue'

export { WorkerServerClient, type WorkerLike } from './host/worker-client'
export type { PageToWorker, WorkerToPage } from './host/worker-protocol'
export { createInProcessTransport } from './host/in-process-transport'
export { createHostPlatform } from './host/host-platform'
export { VirtualClock } from './host/virtual-clock'
