/**
 * Server code sees Node's globals, not the worker's: browser-only names are absent (instead of
 * throwing "Illegal invocation"), and the network globals Node has fail as an offline machine's
 * would, with a code that names the playground.
 */
import { describe, expect, it } from 'vitest'
import { createSimServer } from '../../mocks/server/host/api'

async function answerOf(expression: string): Promise<string> {
  const server = await createSimServer({
    source: `
const express = require('express')
const app = express()
app.get('/', async (req, res) => {
  try { res.json(await (async () => (${expression}))()) }
  catch (error) { res.status(500).json({ threw: String(error), cause: error.cause && error.cause.code }) }
})
module.exports = app`,
  })
  const result = await server.request({ path: '/' })
  server.close()
  if (!result.ok) throw new Error(result.error.message)
  return result.body
}

describe('globals in server code', () => {
  it('shows navigator as Node 21+ does, an object naming Node', async () => {
    expect(
      JSON.parse(
        await answerOf('[typeof globalThis.navigator, typeof navigator, navigator.userAgent]'),
      ),
    ).toEqual(['object', 'object', 'Node.js/24'])
  })

  it.each(['indexedDB', 'caches', 'document', 'window', 'postMessage', 'XMLHttpRequest', 'self'])(
    'lacks %s, as a free name and on globalThis',
    async (name) => {
      expect(
        JSON.parse(
          await answerOf(`[typeof ${name}, typeof globalThis.${name}, '${name}' in globalThis]`),
        ),
      ).toEqual(['undefined', 'undefined', false])
    },
  )

  it('keeps the global functions Node has callable through globalThis', async () => {
    expect(JSON.parse(await answerOf("globalThis.atob('aGk=') + global.btoa('hi')"))).toBe('hiaGk=')
  })

  it('fails fetch as a machine without a network would, with a cause naming the playground', async () => {
    expect(JSON.parse(await answerOf("fetch('http://127.0.0.1:4999/x')"))).toEqual({
      threw: 'TypeError: fetch failed',
      cause: 'ERR_PLAYGROUND_UNSUPPORTED',
    })
    expect(JSON.parse(await answerOf("globalThis.fetch('http://example.com/')"))).toMatchObject({
      cause: 'ERR_PLAYGROUND_UNSUPPORTED',
    })
  })

  it('refuses a WebSocket with the same code', async () => {
    expect(JSON.parse(await answerOf("new WebSocket('ws://127.0.0.1:4999/')"))).toMatchObject({
      threw: expect.stringContaining('ERR_PLAYGROUND_UNSUPPORTED'),
    })
  })

  it('keeps assignments to globalThis inside the realm', async () => {
    expect(JSON.parse(await answerOf('(globalThis.leaked = 1, typeof global.leaked)'))).toBe(
      'number',
    )
    expect('leaked' in globalThis).toBe(false)
  })
})
