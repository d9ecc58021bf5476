/**
 * Stands in for tldts, which tough-cookie asks for a host's registrable domain (public suffix
 * plus one label) to refuse cookies set on a public suffix. The simulated browsers only ever
 * visit made-up sites (session.test, attacker.test), so every top-level label counts as the
 * public suffix, and the full Public Suffix List — most of the bundle's cookie code — stays out.
 */
export function getDomain(hostname: string | null | undefined): string | null {
  if (!hostname) return null
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.')
  const topLevel = labels.at(-1) ?? ''
  // IP addresses and single labels have no registrable domain.
  if (labels.length < 2 || /^\d+$/.test(topLevel) || hostname.includes(':')) return null
  return labels.slice(-2).join('.')
}

export function getPublicSuffix(hostname: string | null | undefined): string | null {
  return hostname ? (hostname.toLowerCase().split('.').at(-1) ?? null) : null
}
