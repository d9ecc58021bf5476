/**
 * Whether server code asks for MongoDB: the engine loads the lazy chunk before it runs. Its own
 * module, so the page can ask without bundling the service.
 */
export function requiresMongo(source: string): boolean {
  return /require\s*\(\s*(['"`])(?:mongodb|connect-mongo)\1\s*\)/.test(source)
}
