import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createSimServer, type SimServerOptions } from './api'
import { bodyOf, cookiePair, START, visitCounter } from './api-fixtures'

describe('isolation', () => {
  it('leaves the host process, Buffer and Date untouched', async () => {
    const hostGlobals = {
      process: globalThis.process,
      Buffer: globalThis.Buffer,
      Date: globalThis.Date,
    }
    const server = await createSimServer({
      source: `
global.leaked = true
process.env.FROM_SERVER = '1'
module.exports = require('express')().get('/', (req, res) => res.send(String(Date.now())))`,
      startTime: START,
    })
    expect(bodyOf(await server.request({ path: '/' }))).toBe(String(START))
    expect({
      process: globalThis.process,
      Buffer: globalThis.Buffer,
      Date: globalThis.Date,
    }).toEqual(hostGlobals)
    expect('leaked' in globalThis).toBe(false)
    expect(process.env.FROM_SERVER).toBeUndefined()
  })
})

describe('fidelity fixes', () => {
  it('attributes a crash to its request even while another request hangs', async () => {
    const server = await createSimServer({
      source: `
const app = require('express')()
app.get('/hang', () => {})
app.get('/crash', (req, res) => { setTimeout(() => { throw new Error('boom') }, 1) })
module.exports = app`,
      requestTimeoutMs: 100,
    })
    await server.request({ path: '/hang' })
    const crash = await server.request({ path: '/crash' })
    expect(crash.explanations.map((explanation) => explanation.code)).toContain('server-crashed')
  })

  it('prints an Error passed to console.error as its stack, like Node', async () => {
    const server = await createSimServer({
      source: `
const app = require('express')()
app.get('/', (req, res) => { console.error(new TypeError('bad input')); res.end() })
module.exports = app`,
    })
    const lines: string[] = []
    server.on((event) => {
      if (event.kind === 'console') lines.push(event.text)
    })
    await server.request({ path: '/' })
    expect(lines[0]).toMatch(/^TypeError: bad input\n\s+at /)
  })

  it('explains deprecated session() defaults once the server has started', async () => {
    const server = await createSimServer({ source: visitCounter("{ secret: 's' }") })
    const explanations: string[] = []
    server.on((event) => {
      if (event.kind === 'start-explanations')
        explanations.push(...event.explanations.map((item) => item.code))
    })
    await server.restart()
    expect(explanations).toEqual([
      'deprecated-resave-default',
      'deprecated-save-uninitialized-default',
    ])
  })
})

describe('packages', () => {
  it('loads a package on its first require, so NODE_ENV set before it counts, as on Node', async () => {
    const server = await createSimServer({
      source: `
process.env.NODE_ENV = 'production'
const session = require('express-session')
const app = require('express')()
app.use(session({ secret: 's', resave: false, saveUninitialized: false }))
module.exports = app`,
    })
    const warnings: string[] = []
    server.on((event) => {
      if (event.kind === 'console' && event.level === 'warn') warnings.push(event.text)
    })
    await server.restart()
    expect(warnings.join('\n')).toMatch(
      /MemoryStore is not\s+designed for a production environment/,
    )
  })
})

describe('onEvent', () => {
  it('receives start-up output that on() subscribed afterwards would miss', async () => {
    const texts: string[] = []
    await createSimServer({
      source: `require('express')().listen(3000, () => console.log('listening on 3000'))`,
      onEvent: (event) => {
        if (event.kind === 'console') texts.push(event.text)
      },
    })
    expect(texts).toEqual(['listening on 3000'])
  })
})

describe('the documented surface', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  /** The text under a `### heading` of README.md, up to the next heading. */
  function section(heading: string): string {
    const start = readme.indexOf(`### ${heading}\n`)
    if (start === -1) throw new Error(`README.md has no "### ${heading}" section`)
    const end = readme.indexOf('\n#', start + 1)
    return readme.slice(start, end === -1 ? undefined : end)
  }
  /** The code names in the first column of a section's table: `on(listener)` → `on`. */
  function tableNames(heading: string): string[] {
    return section(heading)
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([\w-]+)/g)])
      .map((match) => match[1] ?? '')
  }
  const documentedOptions = tableNames('`createSimServer(options): Promise<SimServer>`')
  const documentedMembers = tableNames('`SimServer`')
  const documentedKinds = tableNames('Events')
  /** The fields listed for stores(): `{ storeId, kind, entries(), … }`. */
  const documentedStoreFields = [
    ...(/`\{ (storeId[^}]*) \}`/.exec(section('`SimServer`'))?.[1] ?? '').matchAll(/(\w+)[(,]?/g),
  ]
    .map((match) => match[1] ?? '')
    .filter((name) => !['id', 'data'].includes(name))

  /**
   * Wraps an object so that every property read by name is recorded. Symbol keys are skipped:
   * only api.ts reads those (its private link for shareRedisWith), never a caller.
   */
  function recordReads<T extends object>(target: T, reads: Set<string>): T {
    return new Proxy(target, {
      get(object, property, receiver) {
        if (typeof property === 'string') reads.add(property)
        return Reflect.get(object, property, receiver) as unknown
      },
    })
  }

  const redisCounter = `
const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { createClient } = require('redis')
const client = createClient()
client.connect()
const app = express()
app.use(session({ store: new RedisStore({ client }), secret: 's', saveUninitialized: false }))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('views: ' + req.session.views)
})
app.listen(3000, () => console.log('listening'))
`

  it('walks only names that README.md documents, and sees only documented event kinds', async () => {
    const kinds = new Set<string>()
    const options: SimServerOptions = {
      source: redisCounter,
      filename: 'app.js',
      startTime: new Date(START),
      flowingClock: false,
      env: { NODE_ENV: 'development' },
      requestTimeoutMs: 1000,
      onEvent: (event) => kinds.add(event.kind),
    }
    const memberReads = new Set<string>()
    const first = recordReads(await createSimServer(options), memberReads)
    const second = recordReads(
      await createSimServer({ source: redisCounter, startTime: START, shareRedisWith: first }),
      memberReads,
    )

    const visit = await first.request({ method: 'GET', path: '/', headers: [], secure: false })
    // The second server reads the session the first one wrote: they share one Redis.
    const again = await second.request({ path: '/', headers: [['Cookie', cookiePair(visit)]] })
    expect(bodyOf(again)).toBe('views: 2')
    expect(first.advanceClock(1000)).toBe(first.now())
    const [store] = first.stores()
    if (!store) throw new Error('expected a store')
    const storeReads = new Set<string>()
    const recordedStore = recordReads(store, storeReads)
    expect(recordedStore.kind).toBe('RedisStore')
    expect(recordedStore.storeId).toBeGreaterThan(0)
    expect(Object.keys(recordedStore.entries() ?? {})).toHaveLength(1)
    recordedStore.disconnect()
    recordedStore.connect()
    const unsubscribe = first.on((event) => kinds.add(event.kind))
    expect(await first.restart('syntax error (')).toMatchObject({ ok: false })
    expect(first.state).toBe('failed')
    expect(first.loadError?.name).toBe('SyntaxError')
    expect(await first.restart(redisCounter)).toEqual({ ok: true })
    unsubscribe()
    first.close()
    second.close()

    const undocumented = (used: Iterable<string>, documented: readonly string[]) =>
      [...used].filter((name) => !documented.includes(name))
    expect(undocumented([...Object.keys(options), 'shareRedisWith'], documentedOptions)).toEqual([])
    expect(undocumented(memberReads, documentedMembers)).toEqual([])
    expect(undocumented(storeReads, documentedStoreFields)).toEqual([])
    expect(undocumented(kinds, documentedKinds)).toEqual([])
    // The walk reached the kinds a test is most likely to rely on, start-up ones included.
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'start-explanations',
        'deprecation',
        'console',
        'debug',
        'store-call',
        'explanations',
        'load-error',
      ]),
    )
  })
})
