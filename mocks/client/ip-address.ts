/** Whether a URL host is an IPv4 or bracketed IPv6 address: such hosts take no Domain cookies. */
export function isIP(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}
