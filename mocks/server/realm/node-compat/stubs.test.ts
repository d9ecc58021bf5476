/**
 * The builtins a browser tab cannot provide — `fs`, `zlib`, `net` — through the Node API, from
 * server code that requires them, as a lesson would. Each must fail with a clear error that
 * names the function and what the playground cannot do, never "x is not a function".
 */
import * as nodeNet from 'node:net'
import * as nodeZlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createSimServer, type SimRequestInput } from '../../host/api'

/** Runs `route` as the body of an Express `GET /` handler; `caught(fn)` describes a throw. */
async function serve(route: string, request: SimRequestInput = { path: '/' }) {
  const server = await createSimServer({
    source: `
const express = require('express')
function caught(action) {
  try {
    action()
    return 'no error'
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message }
  }
}
const app = express()
app.get('/', (req, res) => {
${route}
})
module.exports = app`,
  })
  const result = await server.request(request)
  server.close()
  if (!result.ok) throw new Error(`request failed: ${result.error.message}`)
  return result
}

async function json(route: string): Promise<unknown> {
  return JSON.parse((await serve(route)).body) as unknown
}

/** Names of the functions a Node 24 builtin exports (the test process is Node 24). */
const functionsOf = (module: object) =>
  Object.entries(module)
    .filter(([name, value]) => typeof value === 'function' && !name.startsWith('_'))
    .map(([name]) => name)

const unsupported = (what: string, why: string) => ({
  name: 'Error',
  code: 'ERR_PLAYGROUND_UNSUPPORTED',
  message: `${what} is not available in the playground: ${why}`,
})

describe('fs', () => {
  it("throws ENOENT from readFileSync, with Node's message and a note that there is no file system", async () => {
    expect(
      await json(`
const fs = require('fs')
try {
  fs.readFileSync('data.json', 'utf8')
  res.json('no error')
} catch (error) {
  res.json({ code: error.code, syscall: error.syscall, path: error.path, message: error.message })
}`),
    ).toEqual({
      code: 'ENOENT',
      syscall: 'open',
      path: 'data.json',
      message:
        "ENOENT: no such file or directory, open 'data.json' (the playground has no file system)",
    })
  })

  it('calls readFile back with ENOENT on a later tick instead of throwing', async () => {
    const result = await serve(`
const order = []
require('fs').readFile('data.json', 'utf8', (error) => {
  order.push('callback: ' + error.code)
  res.json(order)
})
order.push('returned')`)
    expect(JSON.parse(result.body)).toEqual(['returned', 'callback: ENOENT'])
  })

  it('rejects fs.promises.readFile with ENOENT', async () => {
    expect(
      await json(
        `require('fs').promises.readFile('data.json').catch((error) => res.json(error.code))`,
      ),
    ).toBe('ENOENT')
  })

  it('answers existsSync with false', async () => {
    expect(await json(`res.json(require('fs').existsSync('server.js'))`)).toBe(false)
  })

  it('lets express.static fall through to the next route, as for a missing file', async () => {
    const server = await createSimServer({
      source: `
const express = require('express')
const app = express()
app.use(express.static('public'))
app.get('/style.css', (req, res) => res.send('from the route'))
module.exports = app`,
    })
    const result = await server.request({ path: '/style.css' })
    expect(result.ok && result.body).toBe('from the route')
  })
})

describe('zlib', () => {
  const names = functionsOf(nodeZlib).filter((name) => /^[a-z]/.test(name))

  it('has every function of Node 24’s zlib, and each throws naming itself', async () => {
    expect(names).toEqual(expect.arrayContaining(['gzipSync', 'createGunzip', 'crc32']))
    const thrown = (await json(`
const zlib = require('zlib')
res.json(Object.fromEntries(${JSON.stringify(names)}.map((name) => [name, caught(() => zlib[name]('x'))])))`)) as Record<
      string,
      unknown
    >
    for (const name of names) {
      const why = /^create(Inflate|Gunzip|BrotliDecompress|ZstdDecompress)$/.test(name)
        ? 'the simulated server does not decompress request bodies'
        : 'the simulated server has no zlib, so it can neither compress nor decompress data'
      expect(thrown[name], name).toEqual(unsupported(`zlib.${name}()`, why))
    }
  })

  it.each([
    ['gzip', 'createGunzip'],
    ['deflate', 'createInflate'],
    ['br', 'createBrotliDecompress'],
    ['zstd', 'createZstdDecompress'],
  ])(
    'answers a %s-encoded JSON body with a 500 that says the body cannot be decompressed',
    async (encoding, decompressor) => {
      const server = await createSimServer({
        source: `
const express = require('express')
const app = express()
app.use(express.json())
app.post('/', (req, res) => res.json(req.body))
module.exports = app`,
      })
      const result = await server.request({
        method: 'POST',
        path: '/',
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Encoding', encoding],
        ],
        body: new Uint8Array([1, 2, 3]),
      })
      expect(result.ok && result.status).toBe(500)
      expect(result.ok && result.body).toContain(
        `Error [ERR_PLAYGROUND_UNSUPPORTED]: zlib.${decompressor}() is not available in the playground: the simulated server does not decompress request bodies`,
      )
    },
  )
})

describe('net', () => {
  it.each(['127.0.0.1', '::1', '::ffff:10.0.0.1', 'fe80::1%eth0', '256.0.0.1', 'localhost', ''])(
    'answers isIP(%j) as Node does',
    async (input) => {
      expect(
        await json(
          `const net = require('net'); const input = ${JSON.stringify(input)}
res.json([net.isIP(input), net.isIPv4(input), net.isIPv6(input)])`,
        ),
      ).toEqual([nodeNet.isIP(input), nodeNet.isIPv4(input), nodeNet.isIPv6(input)])
    },
  )

  it.each([
    ['connect', 'net.connect()', 'net.connect(80)'],
    ['createConnection', 'net.createConnection()', 'net.createConnection(80)'],
    ['createServer', 'net.createServer()', 'net.createServer()'],
    ['Socket', 'net.Socket', 'new net.Socket()'],
    ['Server', 'net.Server', 'new net.Server()'],
  ])('throws from %s, naming it and that there are no sockets', async (name, what, call) => {
    expect(functionsOf(nodeNet)).toContain(name)
    expect(await json(`const net = require('net'); res.json(caught(() => ${call}))`)).toEqual(
      unsupported(what, 'the simulated server cannot open sockets'),
    )
  })
})
