/**
 * The simulated Redis, command by command, against a real redis-server: the same sequences,
 * the same replies (errors included), the same keys, values and TTLs afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from 'redis'
import { createRedisServer } from '../../../mocks/server/host/services/redis-server'
import { startRedisServer, type RedisServerProcess } from '../../support/redis-server'
import { runSequence, type Reply, type SendCommand } from './run-sequence'
import { sequences } from './sequences'

let server: RedisServerProcess
let client: ReturnType<typeof createClient>
let comparedSequences = 0
let comparedCommands = 0

beforeAll(async () => {
  server = await startRedisServer()
  // RESP2, as the simulated engine answers: node-redis 6 would otherwise speak RESP3.
  client = createClient({ url: server.url(), RESP: 2 })
  await client.connect()
})

afterAll(async () => {
  client?.destroy()
  await server?.stop()
  console.log(
    `Redis differential: ${comparedSequences} command sequences (${comparedCommands} commands) compared with redis-server`,
  )
})

describe('the simulated Redis answers as redis-server does', () => {
  it('has a unique name for every sequence', () => {
    expect(new Set(sequences.map(({ name }) => name)).size).toBe(sequences.length)
  })

  for (const sequence of sequences) {
    it(sequence.name, async () => {
      // Real time on both sides, so expiry can be compared with short real TTLs.
      const simulated = createRedisServer(() => Date.now())
      const real: SendCommand = (argv) => client.sendCommand([...argv]) as Promise<Reply>
      const sim: SendCommand = (argv) =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(simulated.command(argv))
            } catch (error) {
              reject(error as Error)
            }
          }),
        )
      const result = await runSequence(sequence, real, sim)
      comparedSequences++
      comparedCommands += result.compared
      expect(result.differences.join('\n')).toBe('')
    })
  }
})
