/** The simulated browser profiles lessons can name. Free of the schema, so the app can import it. */
export const PROFILE_NAMES = ['Alice', 'Bob', 'Attacker'] as const

export type ProfileName = (typeof PROFILE_NAMES)[number]
