/** The real finalhandler, by a path the realm's alias for the bare name leaves alone. */
declare module 'finalhandler/index.js' {
  function finalhandler(
    req: unknown,
    res: unknown,
    options?: Record<string, unknown>,
  ): (error?: unknown) => void
  export default finalhandler
}
