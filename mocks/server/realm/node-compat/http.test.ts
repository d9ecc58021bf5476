/**
 * Our `http.ServerResponse` against what Node 24's does (lib/_http_outgoing.js), through the
 * Node API, so that the server code runs in the realm exactly as a lesson's does. Every expected
 * value below was read from the same handler run on node:http (Node 24.21).
 */
import { describe, expect, it } from 'vitest'
import { createSimServer, type SimRequestResult } from '../../host/api'

/** A plain node:http server whose handler can `log(...)` values as JSON lines. */
function httpServer(handler: string): string {
  return `
const http = require('http')
const log = (...values) => console.log(JSON.stringify(values))
/** What a throw looked like, in the fields a program (or a learner's console) sees. */
function caught(action) {
  try {
    action()
    return 'no error'
  } catch (error) {
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      string: String(error),
      stackHead: error.stack.split('\\n')[0],
    }
  }
}
http.createServer((req, res) => {
${handler}
}).listen(3000)`
}

/** Starts the server, sends one request and returns its result and what the handler logged. */
async function exchange(
  handler: string,
  method = 'GET',
): Promise<{ result: SimRequestResult; logged: unknown[][] }> {
  const logged: unknown[][] = []
  const server = await createSimServer({
    source: httpServer(handler),
    onEvent: (event) => {
      if (event.kind === 'console') logged.push(JSON.parse(event.text) as unknown[])
    },
  })
  const result = await server.request({ method, path: '/' })
  server.close()
  return { result, logged }
}

function wire(result: SimRequestResult) {
  if (!result.ok) throw new Error(`request failed: ${result.error.message}`)
  return {
    status: `${result.status} ${result.statusMessage}`,
    headers: result.headers.map(([name]) => name),
    body: result.body,
  }
}

/** Node's ERR_HTTP_HEADERS_SENT, as `caught()` in the server code describes it. */
const headersSent = (verb: string) => {
  const message = `Cannot ${verb} headers after they are sent to the client`
  return {
    name: 'Error',
    code: 'ERR_HTTP_HEADERS_SENT',
    message,
    string: `Error [ERR_HTTP_HEADERS_SENT]: ${message}`,
    stackHead: `Error [ERR_HTTP_HEADERS_SENT]: ${message}`,
  }
}

describe('http.ServerResponse', () => {
  describe('once the head is written', () => {
    it.each([
      ['setHeader', "res.setHeader('X-Late', '1')", 'set'],
      ['appendHeader', "res.appendHeader('X-Late', '1')", 'append'],
      ['removeHeader', "res.removeHeader('X-Late')", 'remove'],
      ['writeHead', 'res.writeHead(200)', 'write'],
    ])('%s throws ERR_HTTP_HEADERS_SENT with Node’s message', async (_name, call, verb) => {
      const { logged } = await exchange(`
res.write('a')
log(caught(() => ${call}))
res.end()`)
      expect(logged).toEqual([[headersSent(verb)]])
    })

    it('throws on setHeader after writeHead, before any body is written', async () => {
      const { result, logged } = await exchange(`
res.writeHead(201, { 'X-Early': '1' })
log(res.headersSent, caught(() => res.setHeader('X-Late', '1')))
res.end('done')`)
      expect(logged).toEqual([[true, headersSent('set')]])
      expect(wire(result)).toEqual({
        status: '201 Created',
        headers: ['X-Early', 'Date', 'Connection', 'Keep-Alive', 'Transfer-Encoding'],
        body: 'done',
      })
    })
  })

  describe('write', () => {
    it('writes the head implicitly on the first write, with statusCode and chunked encoding', async () => {
      const { result, logged } = await exchange(`
res.statusCode = 202
log('before write', res.headersSent)
res.write('a')
log('after write', res.headersSent)
res.end('b')`)
      expect(logged).toEqual([
        ['before write', false],
        ['after write', true],
      ])
      expect(wire(result)).toEqual({
        status: '202 Accepted',
        headers: ['Date', 'Connection', 'Keep-Alive', 'Transfer-Encoding'],
        body: 'ab',
      })
    })
  })

  describe('end', () => {
    it('fixes Content-Length when it writes the head, then emits finish and close afterwards', async () => {
      const { result, logged } = await exchange(`
res.on('finish', () => log('finish', res.writableFinished))
res.on('close', () => log('close'))
res.end('hello')
log('after end', res.headersSent, res.writableEnded, res.writableFinished)`)
      // As on Node, end() returns before either event: both come from a later tick.
      expect(logged).toEqual([['after end', true, true, false], ['finish', true], ['close']])
      expect(wire(result)).toEqual({
        status: '200 OK',
        headers: ['Date', 'Connection', 'Keep-Alive', 'Content-Length'],
        body: 'hello',
      })
    })
  })

  describe('when the request is HEAD', () => {
    it('sends the head without the body, and no length it did not set', async () => {
      const { result, logged } = await exchange(
        `
res.on('finish', () => log('finish'))
res.on('close', () => log('close'))
res.end('hello')`,
        'HEAD',
      )
      expect(wire(result)).toEqual({
        status: '200 OK',
        headers: ['Date', 'Connection', 'Keep-Alive'],
        body: '',
      })
      expect(logged).toEqual([['finish'], ['close']])
    })

    it('keeps a Content-Length the program set, as Express does for res.send', async () => {
      const { result } = await exchange(
        `
res.setHeader('Content-Length', '5')
res.setHeader('Content-Type', 'text/plain')
res.end('hello')`,
        'HEAD',
      )
      expect(wire(result)).toEqual({
        status: '200 OK',
        headers: ['Content-Length', 'Content-Type', 'Date', 'Connection', 'Keep-Alive'],
        body: '',
      })
    })
  })
})
