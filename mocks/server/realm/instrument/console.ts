/**
 * The simulated process's `console`: formats like Node (util.format) and reports each line as
 * a console event instead of printing it.
 *
 * Formatting uses node-inspect-extracted, Node's own lib/internal/util/inspect.js: the browser
 * `util` package is Node 0.x's inspect, which prints `[Error: boom]` where Node prints the
 * stack, a Date with toString() instead of its ISO form, and `{}` for a Map or a Set (found by
 * the differential tests, tests/differential/).
 */
import { format, inspect } from 'node-inspect-extracted'
import { emitEvent } from '../event-sink'
import type { ConsoleLevel } from '../realm-types'

const counters = new Map<string, number>()
const timers = new Map<string, number>()
let groupIndent = ''

/**
 * Node's console is util.formatWithOptions: an Error prints as its stack followed by its own
 * properties (`Error: no access { status: 403 }`, as finalhandler's console.error(err) shows
 * for an error with a status), which node-inspect-extracted's format does as well.
 */
function formatArguments(args: unknown[]): string {
  return format(...args)
}

function write(level: ConsoleLevel, args: unknown[]): void {
  const text = formatArguments(args)
  const indented = groupIndent ? text.replace(/^/gm, groupIndent) : text
  emitEvent({ kind: 'console', level, text: indented })
}

function monotonicMs(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance
  return performance ? performance.now() : 0
}

const simulatedConsole = {
  log: (...args: unknown[]) => write('log', args),
  info: (...args: unknown[]) => write('info', args),
  debug: (...args: unknown[]) => write('debug', args),
  warn: (...args: unknown[]) => write('warn', args),
  error: (...args: unknown[]) => write('error', args),
  trace: (...args: unknown[]) => {
    const stack = (new Error().stack ?? '').split('\n').slice(2).join('\n')
    write('error', [`Trace: ${format(...args)}\n${stack}`])
  },
  dir: (value: unknown) => write('log', [inspect(value)]),
  assert: (condition: unknown, ...args: unknown[]) => {
    if (!condition)
      write('error', ['Assertion failed' + (args.length ? `: ${format(...args)}` : '')])
  },
  count: (label = 'default') => {
    const count = (counters.get(label) ?? 0) + 1
    counters.set(label, count)
    write('info', [`${label}: ${count}`])
  },
  countReset: (label = 'default') => counters.delete(label),
  time: (label = 'default') => timers.set(label, monotonicMs()),
  timeEnd: (label = 'default') => {
    const started = timers.get(label)
    if (started === undefined) return
    timers.delete(label)
    write('info', [`${label}: ${(monotonicMs() - started).toFixed(3)}ms`])
  },
  timeLog: (label = 'default', ...args: unknown[]) => {
    const started = timers.get(label)
    if (started === undefined) return
    write('info', [`${label}: ${(monotonicMs() - started).toFixed(3)}ms`, ...args])
  },
  group: (...args: unknown[]) => {
    if (args.length) write('log', args)
    groupIndent += '  '
  },
  groupEnd: () => {
    groupIndent = groupIndent.slice(2)
  },
  table: (value: unknown) => write('log', [inspect(value)]),
}

export default simulatedConsole
