/**
 * Errors shaped like Node's internal ones (lib/internal/errors.js): the same message, a `code`
 * to branch on, and the code in brackets where Node shows it, in `String(error)` and in the
 * stack's first line (`Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers…`), which is what a
 * learner sees in the console and searches for.
 */
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

/** What programs get when they reach for something a browser tab cannot provide. */
export function unsupported(what: string, why: string): Error & { code: string } {
  return nodeError(
    'ERR_PLAYGROUND_UNSUPPORTED',
    `${what} is not available in the playground: ${why}`,
  )
}
