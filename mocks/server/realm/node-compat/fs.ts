/**
 * `fs`: the simulated server has no file system. Callback APIs answer ENOENT (so
 * `express.static` falls through to the next route, as for a missing file); synchronous ones
 * throw. etag only needs `Stats` to exist.
 */
import { nextTick } from './timers'

/** The system call Node names in the error, where it is not the function's own name. */
const SYSCALLS: Readonly<Record<string, string>> = {
  readFile: 'open',
  writeFile: 'open',
  readdir: 'scandir',
  realpath: 'lstat',
}

function noFileSystem(operation: string, path: unknown): Error & { code: string } {
  const syscall = SYSCALLS[operation] ?? operation
  const error = new Error(
    `ENOENT: no such file or directory, ${syscall} '${String(path)}' (the playground has no file system)`,
  ) as Error & { code: string; errno: number; syscall: string; path: string }
  error.code = 'ENOENT'
  error.errno = -2
  error.syscall = syscall
  error.path = String(path)
  return error
}

export class Stats {}

/**
 * Package files the realm serves read-only (connect-pg-simple's table.sql, from the lazy
 * Postgres chunk): path → text. Every other path answers ENOENT.
 */
const readOnlyFiles = new Map<string, string>()

export function serveReadOnlyFile(path: string, text: string): void {
  readOnlyFiles.set(path, text)
}

const servedText = (path: unknown, options: unknown): string | Uint8Array | undefined => {
  const text = typeof path === 'string' ? readOnlyFiles.get(path) : undefined
  if (text === undefined) return undefined
  const encoding =
    typeof options === 'string' ? options : (options as { encoding?: unknown })?.encoding
  return encoding ? text : new TextEncoder().encode(text)
}

const callbackOperations = [
  'stat',
  'lstat',
  'readFile',
  'readdir',
  'open',
  'access',
  'realpath',
  'writeFile',
  'mkdir',
  'unlink',
]
const syncOperations = callbackOperations.map((name) => `${name}Sync`)

const fs: Record<string, unknown> = { Stats, constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 } }
for (const name of callbackOperations) {
  fs[name] = (path: unknown, ...rest: unknown[]) => {
    const callback = rest.reverse().find((arg) => typeof arg === 'function') as
      ((error: Error) => void) | undefined
    const error = noFileSystem(name, path)
    if (callback) nextTick(() => callback(error))
    else throw error
  }
}
for (const name of syncOperations) {
  fs[name] = (path: unknown) => {
    throw noFileSystem(name.replace(/Sync$/, ''), path)
  }
}
const realReadFile = fs.readFile as (...args: unknown[]) => void
fs.readFile = (path: unknown, ...rest: unknown[]) => {
  const callback = rest.findLast((arg) => typeof arg === 'function') as
    ((error: Error | null, data?: unknown) => void) | undefined
  const data = servedText(path, typeof rest[0] === 'function' ? undefined : rest[0])
  if (data === undefined || !callback) return realReadFile(path, ...rest)
  nextTick(() => callback(null, data))
}
fs.readFileSync = (path: unknown, options?: unknown) => {
  const data = servedText(path, options)
  if (data === undefined) throw noFileSystem('readFile', path)
  return data
}
fs.existsSync = (path: unknown) => typeof path === 'string' && readOnlyFiles.has(path)
fs.createReadStream = (path: unknown) => {
  throw noFileSystem('open', path)
}
fs.promises = Object.fromEntries(
  callbackOperations.map((name) => [
    name,
    (path: unknown, options?: unknown) => {
      const data = name === 'readFile' ? servedText(path, options) : undefined
      return data === undefined ? Promise.reject(noFileSystem(name, path)) : Promise.resolve(data)
    },
  ]),
)

export default fs
export { fs as 'module.exports' }
