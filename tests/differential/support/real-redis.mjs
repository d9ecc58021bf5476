// The Node side's `require('redis')` when the test gives it a real redis-server
// (DIFFERENTIAL_REDIS_URL, a database of its own): the real node-redis package, whose
// createClient() connects there unless server.js names another URL. The runner reads the
// sessions back through a client of its own, and moves every TTL when virtual time jumps.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function realRedisModule(url) {
  const redis = require('redis')
  let inspector
  const inspect = async () => {
    if (!inspector) {
      inspector = redis.createClient({ url })
      inspector.on('error', () => {})
      await inspector.connect()
    }
    return inspector
  }
  return {
    module: { ...redis, createClient: (options) => redis.createClient({ url, ...options }) },

    /** `prefix + id` → parsed session, as the simulated store inspector shows them. */
    async entries(prefix) {
      const client = await inspect()
      const keys = await client.keys(`${prefix}*`)
      if (keys.length === 0) return {}
      const values = await client.mGet(keys)
      const entries = keys.map((key, index) => {
        const text = values[index]
        let value = text
        try {
          value = JSON.parse(text)
        } catch {
          // Not JSON: shown as the text it is.
        }
        return [key.slice(prefix.length), value]
      })
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)))
    },

    /**
     * Virtual time jumped by `ms`: a real Redis only sees real time pass, so every TTL is
     * shortened by the jump, and a key whose time runs out is deleted, as Redis would have.
     */
    async advance(ms) {
      if (ms <= 0) return
      const client = await inspect()
      for (const key of await client.keys('*')) {
        const ttl = await client.pTTL(key)
        if (ttl < 0) continue
        if (ttl <= ms) await client.del(key)
        else await client.pExpire(key, ttl - ms)
      }
    },
  }
}
