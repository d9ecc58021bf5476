import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createSimServer } from '../../host/api'
import { decodeMimeDb, encodeMimeDb, readableEntries, type MimeEntry } from './mime-db'

const require = createRequire(import.meta.url)
const realDb = require('mime-db') as Record<string, MimeEntry>
const realMimeTypes = require('mime-types') as { contentType(text: string): string | false }

describe('the compact mime-db table', () => {
  const decoded = decodeMimeDb(encodeMimeDb(realDb))

  it('decodes to the readable entries of the installed table, in the same order', () => {
    expect(Object.keys(decoded)).toEqual(Object.keys(readableEntries(realDb)))
    expect(decoded).toEqual(readableEntries(realDb))
  })

  it('keeps every field mime-types reads: extensions, charset and source', () => {
    for (const [type, entry] of Object.entries(realDb)) {
      const kept = decoded[type]
      if (entry.charset) expect(kept?.charset, type).toBe(entry.charset)
      if (entry.extensions?.length) {
        expect(kept?.extensions, type).toEqual(entry.extensions)
        expect(kept?.source, type).toBe(entry.source)
      }
      if (!entry.charset && !entry.extensions?.length) expect(kept, type).toBeUndefined()
    }
  })

  it('refuses a value it could not decode again', () => {
    expect(() => encodeMimeDb({ 'text/x-a': { extensions: ['a b'] } })).toThrow(/extension/)
    expect(() => encodeMimeDb({ 'text/x-a': { source: '-', charset: 'UTF-8' } })).toThrow(/source/)
  })
})

describe('mime-types on the compact table in the realm', () => {
  const extensions = [...new Set(Object.values(realDb).flatMap((entry) => entry.extensions ?? []))]
  const types = Object.keys(realDb)

  it('gives every extension and every type the Content-Type it gets on Node', async () => {
    const server = await createSimServer({
      source: `
const express = require('express')
const app = express()
const extensions = ${JSON.stringify(extensions)}
const types = ${JSON.stringify(types)}
app.get('/', (req, res) => {
  const byExtension = extensions.map((extension) => res.type(extension).get('Content-Type'))
  const byType = types.map((type) => res.set('Content-Type', type).get('Content-Type'))
  res.json({ byExtension, byType })
})
module.exports = app`,
    })
    const result = await server.request({ path: '/' })
    if (!result.ok) throw new Error(result.error.message)
    const contentType = (text: string) =>
      realMimeTypes.contentType(text) || 'application/octet-stream'
    expect(JSON.parse(result.body)).toEqual({
      byExtension: extensions.map(contentType),
      byType: types.map(contentType),
    })
    server.close()
  })
})
