/**
 * Our `http` / `node:http`: what express, express-session, on-headers, on-finished and
 * finalhandler use, built for a server that lives in a browser tab. Incoming requests are
 * handed in by the realm (runtime/realm-entry.ts); outgoing requests are not possible.
 */
import { unsupported } from './node-errors'
import { validateHeaderName, validateHeaderValue } from './http-validate'

export { IncomingMessage } from './http-incoming'
export { ServerResponse, OutgoingMessage } from './http-outgoing'
export { Server, createServer } from './http-server'
export { METHODS, STATUS_CODES } from './http-constants'
export { validateHeaderName, validateHeaderValue }

const noOutgoing = 'the simulated server cannot make network requests'

export function request(): never {
  throw unsupported('http.request()', noOutgoing)
}

export function get(): never {
  throw unsupported('http.get()', noOutgoing)
}

export class Agent {
  constructor() {
    throw unsupported('http.Agent', noOutgoing)
  }
}

export const globalAgent = undefined
export const maxHeaderSize = 16384
