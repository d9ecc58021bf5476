/** The simulated server's site, and the other site an attack comes from. */
export const SITE_HOST = 'session.test'
export const OTHER_SITE_ORIGIN = 'http://attacker.test'
