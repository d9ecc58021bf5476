import type { RealmHost } from './realm-types'

/**
 * The host lent to this realm. `__realmHost` is the parameter of the function that
 * vite.realm.config.ts wraps around the whole bundle, so each realm sees its own host.
 */
declare const __realmHost: RealmHost

export const host: RealmHost = __realmHost
