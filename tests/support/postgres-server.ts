/**
 * A real PostgreSQL server for a test: a fresh cluster (initdb) in a temporary directory,
 * started with pg_ctl on a free loopback port, stopped and deleted afterwards. initdb refuses
 * to run as root, so as root the cluster belongs to the `postgres` user.
 */
import { execFile } from 'node:child_process'
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './redis-server'

const run = promisify(execFile)
const POSTGRES_ROOT = '/usr/lib/postgresql'

export interface PostgresServerProcess {
  port: number
  /** `postgres://postgres@127.0.0.1:PORT/NAME` */
  url(database?: string): string
  /** Creates an empty database. */
  createDatabase(name: string): Promise<void>
  stop(): Promise<void>
}

async function binDirectory(): Promise<string> {
  const versions = existsSync(POSTGRES_ROOT) ? await readdir(POSTGRES_ROOT) : []
  const newest = versions
    .filter((version) => existsSync(path.join(POSTGRES_ROOT, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) {
    throw new Error(
      `no PostgreSQL under ${POSTGRES_ROOT}: install Debian's postgresql (apt-get install -y postgresql)`,
    )
  }
  return path.join(POSTGRES_ROOT, newest, 'bin')
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ])
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
}

export async function startPostgresServer(): Promise<PostgresServerProcess> {
  const bin = await binDirectory()
  const owner = await postgresUser()
  const directory = await mkdtemp(path.join(tmpdir(), 'postgres-test-'))
  if (owner) await chown(directory, owner.uid, owner.gid)
  const asOwner = (command: string, args: string[]) =>
    owner
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args)
  const data = path.join(directory, 'data')
  const port = await freePort()
  await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  await asOwner('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC`,
    '-l',
    path.join(directory, 'log'),
    '-w',
    'start',
  ])
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`
  return {
    port,
    url,
    async createDatabase(name) {
      await run(path.join(bin, 'psql'), ['-q', '-d', url(), '-c', `CREATE DATABASE "${name}"`])
    },
    async stop() {
      try {
        await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        await rm(directory, { recursive: true, force: true })
      }
    },
  }
}
