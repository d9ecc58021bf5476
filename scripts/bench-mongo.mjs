// The MongoDB part of `npm run bench`: what the lazy chunk weighs (only a server that requires
// `mongodb` or `connect-mongo` loads it: the simulated driver and server, mingo, connect-mongo),
// and its cold start on Node — from server start to the first request's answer.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createSimServer } from '../build/server/api.js'

const SOURCE = `
const express = require('express')
const session = require('express-session')
const { MongoStore } = require('connect-mongo')
const app = express()
app.use(session({
  store: MongoStore.create({ mongoUrl: 'mongodb://localhost/app' }),
  secret: 'keyboard cat', resave: false, saveUninitialized: false,
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

export async function benchMongo(root) {
  const assets = path.join(root, 'dist', 'assets')
  console.log('\nMongoDB lazy chunk (loaded only by servers that require mongodb), gzip -9:')
  for (const name of readdirSync(assets).filter((file) => /^mongo-chunk-.*\.js$/.test(file))) {
    const bytes = readFileSync(path.join(assets, name))
    console.log(`  ${name}: ${kb(gzipSync(bytes, { level: 9 }).length)} (${kb(bytes.length)} raw)`)
  }
  const started = performance.now()
  const server = await createSimServer({ source: SOURCE, startTime: Date.UTC(2030, 0, 1) })
  const ready = performance.now()
  const first = await server.request({ path: '/' })
  const answered = performance.now()
  if (!first.ok || first.body !== 'views: 1')
    throw new Error(`unexpected answer: ${JSON.stringify(first)}`)
  server.close()
  console.log(
    `MongoDB cold start on Node (require → first request answered): ${Math.round(answered - started)} ms (server start with the chunk ${Math.round(ready - started)} ms, first request ${Math.round(answered - ready)} ms)`,
  )
}
