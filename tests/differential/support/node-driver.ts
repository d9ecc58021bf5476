/**
 * The Node side: server.js runs in a child process (node-runner.mjs) on the real packages from
 * node_modules, with only `Date` faked. A restart is a new child process, as Ctrl-C and
 * `node server.js` would be; the virtual time carries over.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  Exchange,
  ExchangeResult,
  OutputLine,
  ServerDriver,
  ServerEffects,
  StartResult,
  StoreAction,
  WireRequest,
} from './transcript'

const here = path.dirname(fileURLToPath(import.meta.url))
const RUNNER = path.join(here, 'node-runner.mjs')
// The runner imports the simulated MongoDB server's TypeScript source, whose types Node strips
// unasked from 22.18 on. Before that (22.12 to 22.17) it needs the flag, and then warns that the
// feature is experimental: a line on stderr that Node 24 never writes, and that the transcript
// would compare with the simulated server's output.
const NODE_FLAGS = process.features.typescript
  ? []
  : ['--experimental-strip-types', '--disable-warning=ExperimentalWarning']
const NODE_MODULES = path.resolve(here, '../../../node_modules')
const OUTPUT_MARKER = '\u0001differential-output:'

type Command =
  | { type: 'request'; request: WireRequest }
  | { type: 'clock'; nowMs: number }
  | { type: 'store'; action: StoreAction }

type ServerEnv = Readonly<Record<string, string>>

/** What the runner answers: the step's effects, with output still to be read from stderr. */
interface Reply {
  id: number
  result?: Omit<ServerEffects, 'output'> & {
    outputCount: number
    /** Present in answers to `request`. */
    exchange?: Exchange
    loadError?: StartResult['loadError']
  }
  failure?: string
}

interface Pending {
  settle: (result: Reply['result'] | undefined, output: OutputLine[]) => void
  reject: (error: Error) => void
}

/**
 * Reads the child's stderr: marked lines are the server's captured writes (in order, counted),
 * anything else is what Node itself printed there, such as the report of a fatal exception.
 */
class OutputReader {
  private partial = ''
  private rawLines: string[] = []
  private readonly lines: OutputLine[] = []
  private countedLines = 0
  private taken = 0
  private waiter: (() => void) | undefined

  push(chunk: string): void {
    const text = this.partial + chunk
    const complete = text.split('\n')
    this.partial = complete.pop() ?? ''
    for (const line of complete) {
      if (line.startsWith(OUTPUT_MARKER)) {
        this.flushRaw()
        this.lines.push(JSON.parse(line.slice(OUTPUT_MARKER.length)) as OutputLine)
        this.countedLines++
      } else {
        this.rawLines.push(line)
      }
    }
    this.waiter?.()
  }

  /** Node's own writes, one item per uninterrupted run of lines. */
  private flushRaw(): void {
    const text = this.rawLines.join('\n').replace(/\n+$/, '')
    if (text !== '') this.lines.push({ stream: 'stderr', text })
    this.rawLines = []
  }

  /** Waits until `count` captured writes have arrived, then returns what is new. */
  async takeUntil(count: number): Promise<OutputLine[]> {
    while (this.countedLines < count) {
      await new Promise<void>((resolve) => (this.waiter = resolve))
    }
    return this.takeAll(false)
  }

  takeAll(ended: boolean): OutputLine[] {
    if (ended) {
      if (this.partial !== '') this.rawLines.push(this.partial)
      this.partial = ''
      this.flushRaw()
    }
    const fresh = this.lines.slice(this.taken)
    this.taken = this.lines.length
    return fresh
  }
}

/** One child process: one `node server.js`. */
class NodeProcess {
  private readonly child: ChildProcess
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly output = new OutputReader()
  private exited = false
  private readonly closed: Promise<void>

  constructor(directory: string, nowMs: number, env: ServerEnv, onStart: Pending) {
    this.child = spawn(process.execPath, [...NODE_FLAGS, RUNNER, directory, String(nowMs)], {
      cwd: directory,
      // A clean environment: vitest's NODE_ENV=test would change Express's behaviour.
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        ...env,
        NODE_PATH: NODE_MODULES,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    this.pending.set(0, onStart)
    this.child.stderr?.setEncoding('utf8')
    this.child.stderr?.on('data', (chunk: string) => this.output.push(chunk))
    this.child.on('message', (message: Reply) => {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      if (message.failure !== undefined || !message.result) {
        waiting.reject(new Error(message.failure ?? 'the runner answered nothing'))
        return
      }
      const result = message.result
      void this.output
        .takeUntil(result.outputCount)
        .then((output) => waiting.settle(result, output))
    })
    this.closed = new Promise((resolve) => {
      // 'close' comes after stderr has ended: every line the process wrote has been read.
      this.child.on('close', () => {
        this.exited = true
        const output = this.output.takeAll(true)
        for (const waiting of this.pending.values()) waiting.settle(undefined, output)
        this.pending.clear()
        resolve()
      })
    })
  }

  get running(): boolean {
    return !this.exited
  }

  /** Sends a command; `settle` gets no result when the process died before answering. */
  send<T>(
    command: Command,
    settle: (result: Reply['result'] | undefined, output: OutputLine[]) => T,
  ): Promise<T> {
    if (this.exited) return Promise.resolve(settle(undefined, this.output.takeAll(true)))
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { settle: (result, output) => resolve(settle(result, output)), reject })
      this.child.send({ id, ...command })
    })
  }

  /** Ctrl-C: SIGINT ends a Node process without an 'exit' event, as a restart does here. */
  async stop(): Promise<void> {
    if (!this.exited) {
      this.child.kill('SIGINT')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000)
      await this.closed
      clearTimeout(timer)
    }
  }
}

/** The effects of a step whose process died (or was gone): only what it printed remains. */
const deadEffects = (output: OutputLine[]): ServerEffects => ({
  output,
  storeCalls: [],
  stores: [],
})

function effects(result: NonNullable<Reply['result']>, output: OutputLine[]): ServerEffects {
  return { output, storeCalls: result.storeCalls, stores: result.stores }
}

export class NodeDriver implements ServerDriver {
  private directory: string | undefined
  private current: NodeProcess | undefined
  /** The last start's server.js threw while loading. */
  private loadFailed = false

  /**
   * `sharedDirectory`: instances behind one load balancer run from one folder, so they share
   * the file-backed Redis test double (redis.json) as they would share a Redis server.
   */
  constructor(
    private source: string,
    private readonly env: ServerEnv = {},
    private readonly sharedDirectory?: Promise<string>,
  ) {}

  async start(nowMs: number): Promise<StartResult> {
    this.directory ??= await (this.sharedDirectory ?? mkdtemp(path.join(tmpdir(), 'differential-')))
    await writeFile(path.join(this.directory, 'server.js'), this.source)
    const directory = this.directory
    const started = await new Promise<StartResult>((resolve, reject) => {
      this.current = new NodeProcess(directory, nowMs, this.env, {
        reject,
        settle: (result, output) =>
          resolve(
            result
              ? {
                  ...effects(result, output),
                  ...(result.loadError ? { loadError: result.loadError } : {}),
                }
              : {
                  ...deadEffects(output),
                  loadError: { name: 'Error', message: 'the server process exited while starting' },
                },
          ),
      })
    })
    this.loadFailed = started.loadError !== undefined
    return started
  }

  request(request: WireRequest): Promise<ExchangeResult> {
    // `node server.js` exits when server.js throws: nothing listens, the connection is refused.
    // (The runner lives on, to report the error; it has no server to pass requests to.)
    if (this.loadFailed) {
      return Promise.resolve({ exchange: { error: 'not-running' }, ...deadEffects([]) })
    }
    const child = this.process()
    // A process that is gone refuses the connection; one that dies now resets it.
    const error = child.running ? 'crashed' : 'not-running'
    return child.send({ type: 'request', request }, (result, output) =>
      result?.exchange
        ? { exchange: result.exchange, ...effects(result, output) }
        : { exchange: { error }, ...deadEffects(output) },
    )
  }

  setClock(nowMs: number): Promise<ServerEffects> {
    return this.process().send({ type: 'clock', nowMs }, (result, output) =>
      result ? effects(result, output) : deadEffects(output),
    )
  }

  store(action: StoreAction): Promise<ServerEffects> {
    return this.process().send({ type: 'store', action }, (result, output) =>
      result ? effects(result, output) : deadEffects(output),
    )
  }

  async restart(nowMs: number, source?: string): Promise<StartResult> {
    await this.current?.stop()
    if (source !== undefined) this.source = source
    return this.start(nowMs)
  }

  async close(): Promise<void> {
    await this.current?.stop()
    if (this.directory) await rm(this.directory, { recursive: true, force: true })
  }

  private process(): NodeProcess {
    if (!this.current) throw new Error('the Node server was not started')
    return this.current
  }
}
