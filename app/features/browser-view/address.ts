/**
 * What the learner typed in the address bar, read as a browser would: `/login`, `login`,
 * `session.test/login` or a full URL. A URL on another host (`https://example.com/`, and the
 * scheme-relative `//example.com/x` or `\\example.com\x`, which URL parsing reads the same) is
 * handed on: the simulated network, which has only session.test, answers it with Chrome's "This
 * site can't be reached" page. Untrusted input: never throws, explains instead.
 */
import { SITE_HOST, siteUrl, type BrowserSettings } from '../../../mocks/client'

type Scheme = BrowserSettings['scheme']

export type AddressResult =
  | {
      ok: true
      /** The absolute URL to request. */
      url: string
      /** Set when the learner typed a scheme: the profile switches to it. */
      scheme: Scheme | undefined
    }
  | { ok: false; message: string }

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i

/** The worker's own address: a hint is more use to the learner than an error page. */
function onLocalhost(host: string): AddressResult {
  return {
    ok: false,
    message: `The server listens on ${host} inside its worker; this browser reaches it as ${SITE_HOST}. Type a path like /login.`,
  }
}

export function parseAddress(input: string, scheme: Scheme): AddressResult {
  const typed = input.trim()
  if (typed === '') return { ok: false, message: 'Type a path like / or /login, then press Enter.' }
  if (typed.startsWith('/')) return { ok: true, url: siteUrl(typed, { scheme }), scheme: undefined }
  if (typed.toLowerCase().startsWith(SITE_HOST)) {
    // No scheme typed: the profile's own.
    const result = parseAddress(`${scheme}://${typed}`, scheme)
    return result.ok ? { ...result, scheme: undefined } : result
  }
  const localhost = /^localhost(?::\d+)?(?=[/?#]|$)/i.exec(typed)
  if (localhost) return onLocalhost(localhost[0])
  if (!HAS_SCHEME.test(typed)) {
    return { ok: true, url: siteUrl(`/${typed}`, { scheme }), scheme: undefined }
  }
  let url: URL
  try {
    url = new URL(typed)
  } catch {
    return { ok: false, message: `"${typed}" is not a URL. Type a path like /login.` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `This browser only opens http and https URLs, not ${url.protocol}`,
    }
  }
  if (url.hostname === 'localhost') return onLocalhost(url.host)
  // Only a scheme typed for the site itself switches the profile.
  if (url.hostname !== SITE_HOST || url.port !== '')
    return { ok: true, url: url.href, scheme: undefined }
  return { ok: true, url: url.href, scheme: url.protocol === 'https:' ? 'https' : 'http' }
}
