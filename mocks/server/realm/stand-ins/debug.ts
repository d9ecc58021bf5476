/**
 * Stands in for the `debug` package. express-session, router, body-parser and finalhandler
 * explain their silent decisions through `debug()` ("no SID sent", "cookie signature invalid",
 * "not secured", "saving <id>"…); here every line becomes a debug event, whatever DEBUG says,
 * so the playground can turn them into learner-facing reasons.
 */
import { inspect } from 'node-inspect-extracted'
import { emitEvent } from '../event-sink'

type DebugFunction = ((formatter: unknown, ...args: unknown[]) => void) & {
  namespace: string
  enabled: boolean
  log: (...args: unknown[]) => void
  extend: (suffix: string, delimiter?: string) => DebugFunction
  destroy: () => boolean
}

/** printf-style formatting with debug's own directives: %s %d %i %f %j %o %O %%. */
export function formatDebugMessage(formatter: unknown, args: unknown[]): string {
  if (typeof formatter !== 'string') return [formatter, ...args].map(describe).join(' ')
  let index = 0
  const message = formatter.replace(/%([sdifjoO%])/g, (match, directive: string) => {
    if (directive === '%') return '%'
    if (index >= args.length) return match
    const value = args[index++]
    switch (directive) {
      case 's':
        return String(value)
      case 'd':
      case 'i':
        return String(directive === 'i' ? Math.trunc(Number(value)) : Number(value))
      case 'f':
        return String(Number(value))
      case 'j':
        return safeJson(value)
      default:
        return describe(value)
    }
  })
  const rest = args.slice(index).map(describe)
  return rest.length ? `${message} ${rest.join(' ')}` : message
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch {
    return '[Circular]'
  }
}

/** debug's %o: util.inspect on one line. */
function describe(value: unknown): string {
  return inspect(value)
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
}

function createDebug(namespace: string): DebugFunction {
  const debug = ((formatter: unknown, ...args: unknown[]) => {
    emitEvent({ kind: 'debug', namespace, message: formatDebugMessage(formatter, args) })
  }) as DebugFunction
  debug.namespace = namespace
  debug.enabled = true
  debug.log = () => {}
  debug.extend = (suffix, delimiter = ':') => createDebug(`${namespace}${delimiter}${suffix}`)
  debug.destroy = () => true
  return debug
}

Object.assign(createDebug, {
  debug: createDebug,
  default: createDebug,
  enable: () => {},
  disable: () => '',
  enabled: () => true,
  names: [],
  skips: [],
  formatters: {},
  humanize: (ms: number) => `${ms}ms`,
})

export { createDebug as 'module.exports' }
