/**
 * Whether server code asks for Postgres: the engine loads the lazy chunk before it runs, and the
 * page's watchdog gives such a start the time PGlite needs to boot. Its own module, so the page
 * can ask without bundling the service.
 */
export function requiresPostgres(source: string): boolean {
  return /require\s*\(\s*(['"`])(?:pg|connect-pg-simple)\1\s*\)/.test(source)
}

/** How long a start that boots PGlite may take before the page presumes the worker stuck. */
export const POSTGRES_START_MS = 90_000
