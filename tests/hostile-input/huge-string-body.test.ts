/**
 * `res.send('x'.repeat(50 MB))`: the realm encodes the string as Node does (UTF-8, an ETag over
 * its bytes) and answers in full; the page cuts what it shows (tests/e2e/hostile-pages.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { createSimServer } from '../../mocks/server/host/api'

describe('a 50 MB string body', () => {
  it('is sent whole, with Content-Length and a weak ETag of its bytes', async () => {
    const server = await createSimServer({
      source: `const express = require('express')
const app = express()
app.get('/big', (req, res) => res.send('x'.repeat(50 * 1024 * 1024)))
module.exports = app`,
      requestTimeoutMs: 60_000,
    })
    const result = await server.request({ path: '/big' })
    server.close()
    expect(result.ok && result.bodyBytes.length).toBe(50 * 1024 * 1024)
    const header = (name: string) =>
      result.ok ? result.headers.find(([key]) => key === name)?.[1] : undefined
    expect(header('Content-Length')).toBe(String(50 * 1024 * 1024))
    expect(header('ETag')).toBe('W/"3200000-9Ya7bCURQuVwkZN79Uozfby9+ko"')
  }, 90_000)

  it('encodes text as Node does, a lone surrogate as U+FFFD', async () => {
    const server = await createSimServer({
      source: `module.exports = (req, res) => {
  const text = 'héllo \\ud800 wörld ✓'
  res.end(JSON.stringify([Buffer.from(text).toString('hex'), Buffer.byteLength(text)]))
}`,
    })
    const result = await server.request({ path: '/' })
    server.close()
    const text = 'héllo \ud800 wörld ✓'
    expect(JSON.parse(result.ok ? result.body : '[]')).toEqual([
      Buffer.from(text).toString('hex'),
      Buffer.byteLength(text),
    ])
  })
})
