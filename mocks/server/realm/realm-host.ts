import type { RealmHost } from './realm-types'

/**
 * The host lent to this realm. `__realmHost` is the parameter of the function that
 * vite.realm.config.ts wraps around the whole bundle, so each realm sees its own host.
 */
declare const __realmHost: RealmHost

export const host: RealmHost = __realmHost

/** Marks clients of the host's simulated Redis, so the store spy can read their keys. */
export const SIMULATED_REDIS = Symbol.for('session-playground.simulated-redis')
