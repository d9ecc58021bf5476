/**
 * A real `redis-server` for a test: started on a free loopback port with no persistence, and
 * stopped by its own PID afterwards. Tests that compare the simulated Redis with Redis use it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { createClient } from 'redis'

export const REDIS_SERVER = '/usr/bin/redis-server'
const READY_TIMEOUT_MS = 10_000

export interface RedisServerProcess {
  port: number
  /** `redis://127.0.0.1:PORT/DB` */
  url(database?: number): string
  stop(): Promise<void>
}

/** A port nothing listens on right now: the kernel picks one, and we let it go again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function waitUntilReady(port: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited with code ${child.exitCode}:\n${output()}`)
    const client = createClient({
      url: `redis://127.0.0.1:${port}`,
      socket: { reconnectStrategy: false },
    })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.ping()
      client.destroy()
      return
    } catch {
      client.destroy()
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/** `databases`: how many numbered databases (SELECT n) the server offers. */
export async function startRedisServer(databases = 16): Promise<RedisServerProcess> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} is missing: install Debian's redis-server (apt-get install -y redis-server)`,
    )
  }
  const port = await freePort()
  const child = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--databases',
      String(databases),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
  }
  try {
    await waitUntilReady(port, child, () => log)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    port,
    url: (database = 0) => `redis://127.0.0.1:${port}/${database}`,
    stop,
  }
}
