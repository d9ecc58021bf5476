/**
 * `net`: the address checks that express (req.ip, req.subdomains) and proxy-addr use. There are
 * no sockets: what would open one throws ERR_PLAYGROUND_UNSUPPORTED, naming itself.
 */
import { unsupported } from './node-errors'

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 =
  /^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(([0-9a-f]{1,4}:){0,7}[0-9a-f]{0,4})?::(([0-9a-f]{1,4}:){0,7}[0-9a-f]{0,4})?(%\w+)?|::ffff:(\d{1,3}\.){3}\d{1,3})$/i

export function isIPv4(input: unknown): boolean {
  return typeof input === 'string' && IPV4.test(input)
}
export function isIPv6(input: unknown): boolean {
  return typeof input === 'string' && input.includes(':') && IPV6.test(input)
}
export function isIP(input: unknown): 0 | 4 | 6 {
  return isIPv4(input) ? 4 : isIPv6(input) ? 6 : 0
}

const noSockets = 'the simulated server cannot open sockets'
export function createServer(): never {
  throw unsupported('net.createServer()', noSockets)
}
export function connect(): never {
  throw unsupported('net.connect()', noSockets)
}
export function createConnection(): never {
  throw unsupported('net.createConnection()', noSockets)
}
export class Socket {
  constructor() {
    throw unsupported('net.Socket', noSockets)
  }
}
export { Socket as Stream }
export class Server {
  constructor() {
    throw unsupported('net.Server', noSockets)
  }
}
