/**
 * The real network, for the hostile-input browser tests: a listener on a free loopback port that
 * notes every connection and request reaching it. Those tests point pages and server code at it,
 * and expect it to hear nothing at all.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackListener {
  port: number
  /** `connection` for each TCP connection, then `METHOD /path` for each request. */
  heard: string[]
  close(): Promise<void>
}

export async function startLoopbackListener(): Promise<LoopbackListener> {
  const heard: string[] = []
  const server = createServer((request, response) => {
    heard.push(`${request.method} ${request.url}`)
    response.end('reached')
  })
  server.on('connection', () => heard.push('connection'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    heard,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
