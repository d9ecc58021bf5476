// The session stores' part of `npm run bench`: what each lazy chunk weighs (only a server that
// requires the store's client loads it), and its cold start on Node — from server start (the
// require that loads the chunk and starts the database) to the first request's answer.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createSimServer } from '../build/server/api.js'

/** The same counter server on each store: only how it makes its store differs. */
const counterServer = ({ requireStore, newStore }) => `
const express = require('express')
const session = require('express-session')
${requireStore}
const app = express()
app.use(session({
  store: ${newStore},
  secret: 'keyboard cat', resave: false, saveUninitialized: false,
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
module.exports = app`

const STORES = {
  Postgres: {
    client: 'pg',
    assets: /^(postgres-chunk|pglite|initdb)-.*\.(js|wasm|data)$/,
    source: counterServer({
      requireStore: "const pgSession = require('connect-pg-simple')(session)",
      newStore: 'new pgSession({ createTableIfMissing: true })',
    }),
    // The first database of a process runs initdb; later ones start from a copy of an empty one.
    coldStarts: [
      'first database of the process (initdb)',
      'second (initdb once more, for the empty copy)',
      'third (from the empty copy)',
    ],
  },
  MongoDB: {
    client: 'mongodb',
    assets: /^mongo-chunk-.*\.js$/,
    source: counterServer({
      requireStore: "const { MongoStore } = require('connect-mongo')",
      newStore: "MongoStore.create({ mongoUrl: 'mongodb://localhost/app' })",
    }),
    coldStarts: ['first server of the process'],
  },
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value) => `${Math.round(value)} ms`

async function coldStart(source) {
  const started = performance.now()
  const server = await createSimServer({ source, startTime: Date.UTC(2030, 0, 1) })
  const ready = performance.now()
  const first = await server.request({ path: '/' })
  const answered = performance.now()
  server.close()
  if (!first.ok || first.body !== 'views: 1')
    throw new Error(`unexpected answer: ${JSON.stringify(first)}`)
  return { startMs: ready - started, firstRequestMs: answered - ready, totalMs: answered - started }
}

export async function benchLazyStores(root) {
  const assets = path.join(root, 'dist', 'assets')
  for (const [name, store] of Object.entries(STORES)) {
    console.log(
      `\n${name} lazy chunk (loaded only by servers that require ${store.client}), gzip -9:`,
    )
    let total = 0
    for (const file of readdirSync(assets).filter((entry) => store.assets.test(entry))) {
      const bytes = readFileSync(path.join(assets, file))
      const gzip = gzipSync(bytes, { level: 9 }).length
      total += gzip
      console.log(`  ${file}: ${kb(gzip)} (${kb(bytes.length)} raw)`)
    }
    console.log(`  total: ${kb(total)}`)
    console.log(`${name} cold start on Node (require → first request answered):`)
    for (const label of store.coldStarts) {
      const run = await coldStart(store.source)
      console.log(
        `  ${label}: ${ms(run.totalMs)} (server start with the chunk ${ms(run.startMs)}, first request ${ms(run.firstRequestMs)})`,
      )
    }
  }
}
