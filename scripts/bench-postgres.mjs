// The Postgres part of `npm run bench`: what the lazy chunk weighs (only a server that requires
// `pg` or `connect-pg-simple` loads it), and its cold start on Node — from server start (the
// require that loads the chunk and boots PGlite) to the first query's answer.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createSimServer } from '../build/server/api.js'

const LAZY_ASSETS = /^(postgres-chunk|pglite|initdb)-.*\.(js|wasm|data)$/

const SOURCE = `
const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const app = express()
app.use(session({
  store: new pgSession({ createTableIfMissing: true }),
  secret: 'keyboard cat', resave: false, saveUninitialized: false,
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

async function coldStart() {
  const started = performance.now()
  const server = await createSimServer({ source: SOURCE, startTime: Date.UTC(2030, 0, 1) })
  const ready = performance.now()
  const first = await server.request({ path: '/' })
  const answered = performance.now()
  if (!first.ok || first.body !== 'views: 1')
    throw new Error(`unexpected answer: ${JSON.stringify(first)}`)
  return { startMs: ready - started, firstQueryMs: answered - ready, totalMs: answered - started }
}

export async function benchPostgres(root) {
  const assets = path.join(root, 'dist', 'assets')
  const lazy = readdirSync(assets)
    .filter((name) => LAZY_ASSETS.test(name))
    .map((name) => {
      const bytes = readFileSync(path.join(assets, name))
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
  console.log('\nPostgres lazy chunk (loaded only by servers that require pg), gzip -9:')
  for (const asset of lazy) console.log(`  ${asset.name}: ${kb(asset.gzip)} (${kb(asset.raw)} raw)`)
  const total = lazy.reduce((sum, asset) => sum + asset.gzip, 0)
  console.log(`  total: ${kb(total)}`)

  // The first database of a process runs initdb; later ones start from a copy of an empty one.
  const first = await coldStart()
  const second = await coldStart()
  const third = await coldStart()
  console.log('Postgres cold start on Node (require → first query answered):')
  for (const [label, run] of [
    ['first database of the process (initdb)', first],
    ['second (initdb once more, for the empty copy)', second],
    ['third (from the empty copy)', third],
  ]) {
    console.log(
      `  ${label}: ${Math.round(run.totalMs)} ms (server start with chunk and PGlite ${Math.round(run.startMs)} ms, first request ${Math.round(run.firstQueryMs)} ms)`,
    )
  }
}
