import { setupServer } from 'msw/node'
import { createHandlers } from './handlers'
import type { ServerTransport } from './server'

export const createNodeServer = (getServer: () => ServerTransport) =>
  setupServer(...createHandlers(getServer))
