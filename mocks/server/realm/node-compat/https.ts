/** `https`: the simulated browser's https toggle marks the socket as TLS; nothing to serve here. */
import { Server } from './http-server'
import { unsupported } from './node-errors'

export { Server }

export function createServer(optionsOrListener?: unknown, listener?: unknown): Server {
  return new Server(optionsOrListener, listener)
}

export function request(): never {
  throw unsupported('https.request()', 'the simulated server cannot make network requests')
}

export const get = request
