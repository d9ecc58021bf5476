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
fs.existsSync = () => false
fs.createReadStream = (path: unknown) => {
  throw noFileSystem('open', path)
}
fs.promises = Object.fromEntries(
  callbackOperations.map((name) => [
    name,
    (path: unknown) => Promise.reject(noFileSystem(name, path)),
  ]),
)

export default fs
export { fs as 'module.exports' }
