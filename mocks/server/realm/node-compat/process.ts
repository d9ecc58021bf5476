/**
 * The simulated server's `process`: an EventEmitter with the fields Node programs and the
 * packages we run read. Output to stdout/stderr becomes console events.
 */
import { EventEmitter } from 'events'
import { Buffer } from 'buffer'
import { host } from '../realm-host'
import { nextTick } from './timers'
import { inspect } from 'node-inspect-extracted'
import {
  reportUncaught,
  setUncaughtExceptionHandler,
  setUnhandledRejectionHandler,
  stopProcess,
} from '../crash'
import { emitEvent } from '../event-sink'

const NODE_VERSION = '24.21.0'
const startedAt = host.now()

class OutputStream extends EventEmitter {
  readonly isTTY = false
  readonly columns = 80
  constructor(
    readonly fd: 1 | 2,
    private readonly level: 'log' | 'error',
  ) {
    super()
  }
  write(chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean {
    const text =
      typeof chunk === 'string'
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : String(chunk)
    emitEvent({ kind: 'console', level: this.level, text: text.replace(/\n$/, '') })
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback
    if (typeof done === 'function') nextTick(done as () => void)
    return true
  }
  end(): void {}
}

class SimulatedProcess extends EventEmitter {
  readonly title = 'node'
  readonly version = `v${NODE_VERSION}`
  readonly versions = { node: NODE_VERSION }
  readonly arch = 'x64'
  readonly platform = 'linux'
  readonly release = { name: 'node' }
  readonly pid = 4242
  readonly ppid = 4241
  readonly execPath = '/usr/local/bin/node'
  readonly argv = ['/usr/local/bin/node', '/app/server.js']
  readonly execArgv: string[] = []
  readonly env: Record<string, string | undefined> = { ...host.env }
  readonly stdout = new OutputStream(1, 'log')
  readonly stderr = new OutputStream(2, 'error')
  readonly features = {}
  readonly config = { variables: {} }
  exitCode: number | undefined = undefined
  noDeprecation = false
  throwDeprecation = false
  traceDeprecation = false
  readonly nextTick = nextTick

  cwd(): string {
    return '/app'
  }
  chdir(): void {
    throw new Error('process.chdir() is not available in the playground')
  }
  umask(): number {
    return 0o22
  }
  uptime(): number {
    return (host.now() - startedAt) / 1000
  }
  hrtime = Object.assign(
    (previous?: [number, number]): [number, number] => {
      const nowNs = BigInt(Math.round(monotonicMs() * 1e6))
      let seconds = Number(nowNs / 1_000_000_000n)
      let nanos = Number(nowNs % 1_000_000_000n)
      if (previous) {
        seconds -= previous[0]
        nanos -= previous[1]
        if (nanos < 0) {
          seconds -= 1
          nanos += 1e9
        }
      }
      return [seconds, nanos]
    },
    { bigint: (): bigint => BigInt(Math.round(monotonicMs() * 1e6)) },
  )
  memoryUsage = Object.assign(
    () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    { rss: () => 0 },
  )
  emitWarning(warning: unknown, type?: unknown, code?: unknown): void {
    const isError = warning instanceof Error
    const name = isError ? warning.name : typeof type === 'string' ? type : 'Warning'
    const message = isError ? warning.message : String(warning)
    const prefix = typeof code === 'string' ? `[${code}] ` : ''
    this.stderr.write(`(node:${this.pid}) ${prefix}${name}: ${message}\n`)
  }
  exit(code?: number): never {
    if (code !== undefined) this.exitCode = code
    this.emitExit()
    stopProcess(`process.exit(${this.exitCode ?? 0}) was called`)
    throw new ProcessExitSignal()
  }
  /** Node emits 'exit' once, before the process ends (lib/internal/process/per_thread.js). */
  emitExit(): void {
    if (this.exiting) return
    this.exiting = true
    this.emit('exit', this.exitCode ?? 0)
  }
  private exiting = false
  abort(): never {
    stopProcess('process.abort() was called')
    throw new ProcessExitSignal()
  }
  kill(): boolean {
    throw new Error('process.kill() is not available in the playground')
  }
  binding(): never {
    throw new Error('process.binding() is not available in the playground')
  }
}

/** Unwinds the stack after process.exit(); the crash guard recognises and ignores it. */
export class ProcessExitSignal extends Error {
  constructor() {
    super('process exited')
    this.name = 'ProcessExitSignal'
  }
}

function monotonicMs(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance
  return performance ? performance.now() : host.now()
}

const process = new SimulatedProcess()

setUncaughtExceptionHandler((error) => {
  if (error instanceof ProcessExitSignal) return true
  if (process.listenerCount('uncaughtException') === 0) {
    // As Node's onGlobalUncaughtException: exit code 1 and the 'exit' event, before the report.
    process.exitCode = 1
    try {
      process.emitExit()
    } catch {
      // Nothing to be done about it at this point (Node ignores it too).
    }
    return false
  }
  process.emit('uncaughtException', error, 'uncaughtException')
  return true
})

/**
 * Node's default mode (`--unhandled-rejections=throw`): a listener takes the rejection; without
 * one, an Error is thrown as an uncaught exception and any other reason is wrapped first.
 */
setUnhandledRejectionHandler((reason) => {
  if (process.listenerCount('unhandledRejection') > 0) {
    try {
      process.emit('unhandledRejection', reason, undefined)
    } catch (error) {
      reportUncaught(error)
    }
    return
  }
  reportUncaught(reason instanceof Error ? reason : unhandledRejectionError(reason))
})

function unhandledRejectionError(reason: unknown): Error {
  let shown: string
  try {
    shown = inspect(reason)
  } catch {
    shown = `[${typeof reason}]`
  }
  const error = Object.assign(
    new Error(
      `This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${shown}".`,
    ),
    { code: 'ERR_UNHANDLED_REJECTION' },
  )
  error.name = 'UnhandledPromiseRejection'
  return error
}

export default process
export { process as 'module.exports' }
