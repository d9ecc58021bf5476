/**
 * Whether server code asks for Redis: the engine loads the simulated Redis server before it
 * runs. `redis` is the only client the playground has; connect-redis is matched too, as a server
 * that names it means to keep its sessions in Redis.
 */
export function requiresRedis(source: string): boolean {
  return /require\s*\(\s*(['"`])(?:redis|connect-redis)\1\s*\)/.test(source)
}
