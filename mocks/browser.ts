import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers'
import type { ServerTransport } from './server/runtime/server-transport'

export const createBrowserWorker = (getServer: () => ServerTransport) =>
  setupWorker(...createHandlers(getServer))
