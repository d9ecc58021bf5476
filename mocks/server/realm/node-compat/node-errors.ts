/**
 * Errors shaped like Node's internal ones (lib/internal/errors.js): the same message, a `code`
 * to branch on, and the code in brackets where Node shows it, in `String(error)` and in the
 * stack's first line (`Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers…`), which is what a
 * learner sees in the console and searches for.
 */
import { inspect } from 'node-inspect-extracted'

export function nodeError<E extends Error>(
  code: string,
  message: string,
  Kind: new (message: string) => E = Error as unknown as new (message: string) => E,
): E & { code: string } {
  const error = new Kind(message) as E & { code: string }
  const plainHead = `${error.name}: ${message}`
  const nodeHead = `${error.name} [${code}]: ${message}`
  // Non-enumerable, as on Node: `code` stays the only own key a program or inspect() lists.
  Object.defineProperty(error, 'toString', {
    value(this: Error) {
      return `${this.name} [${code}]: ${this.message}`
    },
    writable: true,
    configurable: true,
  })
  // Engines whose stack has no message line (SpiderMonkey) are left as they are.
  if (error.stack?.startsWith(plainHead)) {
    Object.defineProperty(error, 'stack', {
      value: nodeHead + error.stack.slice(plainHead.length),
      writable: true,
      configurable: true,
    })
  }
  error.code = code
  return error
}

/**
 * How Node's ERR_INVALID_ARG_TYPE names the value it got (determineSpecificType in
 * lib/internal/errors.js): `type number (42)`, `an instance of Object`, `null`…
 */
export function describeReceived(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : String(value)})`
    case 'boolean':
      return `type boolean (${String(value)})`
    case 'symbol':
      return `type symbol (${String(value)})`
    case 'function':
      return `function ${value.name}`
    case 'string': {
      const shown = value.length > 28 ? `${value.slice(0, 25)}...` : value
      return shown.includes("'")
        ? `type string (${JSON.stringify(shown)})`
        : `type string ('${shown}')`
    }
    case 'object': {
      const constructor = (value as { constructor?: { name?: unknown } }).constructor
      if (constructor && typeof constructor.name === 'string')
        return `an instance of ${constructor.name}`
      return inspect(value, { depth: -1 })
    }
    default:
      return String(value)
  }
}

/** Node's ERR_INVALID_ARG_TYPE: `The "key" argument must be <expected>. Received <value>`. */
export function invalidArgType(
  name: string,
  expected: string,
  value: unknown,
): TypeError & { code: string } {
  return nodeError(
    'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expected}. Received ${describeReceived(value)}`,
    TypeError,
  )
}

/** What programs get when they reach for something a browser tab cannot provide. */
export function unsupported(what: string, why: string): Error & { code: string } {
  return nodeError(
    'ERR_PLAYGROUND_UNSUPPORTED',
    `${what} is not available in the playground: ${why}`,
  )
}
