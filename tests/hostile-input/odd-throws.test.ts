/**
 * Anything may be thrown, at start-up or in a route: the server reports it as Node would
 * describe it, and nothing on the host side (the engine, the Node API) trips over it.
 */
import { describe, expect, it } from 'vitest'
import { createSimServer } from '../../mocks/server/host/api'

const HOSTILE_PROXY =
  'new Proxy({}, { get() { throw new Error("trap") }, getPrototypeOf() { throw new Error("trap") }, has() { throw new Error("trap") }, ownKeys() { throw new Error("trap") } })'

const THROWN = {
  'a null-prototype object': ['Object.create(null)', 'Uncaught [Object: null prototype] {}'],
  'a Proxy whose traps throw': [HOSTILE_PROXY, expect.stringMatching(/^Uncaught /)],
  'an error whose getters throw': [
    'Object.defineProperty(new Error("x"), "message", { get() { throw new Error("getter") } })',
    expect.any(String),
  ],
  'a string': ['"plain words"', "Uncaught 'plain words'"],
  'a Symbol': ['Symbol("odd")', 'Uncaught Symbol(odd)'],
} as const

describe('a thrown value of any kind', () => {
  it.each(Object.entries(THROWN))(
    'at the top level (%s) fails the load with its description, and the API resolves',
    async (_kind, [expression, message]) => {
      const server = await createSimServer({ source: `throw ${expression}` })
      expect(server.loadError?.message).toEqual(message)
      server.close()
    },
  )

  it.each(Object.entries(THROWN))(
    'in a route (%s) answers 500 and the server keeps serving',
    async (_kind, [expression]) => {
      const server = await createSimServer({
        source: `
const express = require('express')
const app = express()
app.get('/throw', () => { throw ${expression} })
app.get('/', (req, res) => res.send('still here'))
module.exports = app`,
      })
      const thrown = await server.request({ path: '/throw' })
      expect(thrown.ok && thrown.status).toBe(500)
      const after = await server.request({ path: '/' })
      expect(after.ok && after.body).toBe('still here')
      server.close()
    },
  )
})
