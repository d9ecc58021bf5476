/** The simulated browser profiles, as lessons name them and the panels show them. */
export const PROFILE_NAMES = ['Alice', 'Bob', 'Attacker'] as const

export type ProfileName = (typeof PROFILE_NAMES)[number]
