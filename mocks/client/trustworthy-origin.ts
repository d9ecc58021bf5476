/**
 * Chrome's "potentially trustworthy" URLs for cookies: https, and http on localhost or a
 * loopback address. Secure cookies may be set and sent there.
 */
export function isPotentiallyTrustworthy(url: URL): boolean {
  if (url.protocol === 'https:') return true
  if (url.protocol !== 'http:') return false
  const host = url.hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]'
  )
}
