/** Errors shaped like Node's internal ones: the same message and a `code` to branch on. */
export function nodeError<E extends Error>(
  code: string,
  message: string,
  Kind: new (message: string) => E = Error as unknown as new (message: string) => E,
): E & { code: string } {
  const error = new Kind(message) as E & { code: string }
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
