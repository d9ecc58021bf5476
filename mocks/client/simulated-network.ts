/**
 * The simulated browsers' network has one host: session.test on its default ports. Whatever
 * else a navigation or a redirect asks for fails the way Chromium fails it, before any request
 * is built, so the lesson's server never sees a foreign `Host` and the real network never sees
 * anything at all. Pure: no DOM, no fetch.
 */
import { SITE_HOST } from './site'

export interface NetworkFailure {
  /** Chromium's net error name, as DevTools prints it: `ERR_NAME_NOT_RESOLVED`. */
  code: string
  message: string
}

/** How the URL was reached: typed or clicked (`navigation`), or in a `Location` header. */
export type Arrival = 'navigation' | 'redirect'

function isWebScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:'
}

/** The hosts a simulated network serves: the playground's, unless a test builds another. */
export const PLAYGROUND_HOSTS: readonly string[] = [SITE_HOST]

/** Why the simulated network cannot carry a request to `url`; undefined when it can. */
export function unreachable(
  url: URL,
  arrival: Arrival,
  hosts: readonly string[] = PLAYGROUND_HOSTS,
): NetworkFailure | undefined {
  if (!isWebScheme(url)) {
    const scheme = url.protocol
    return arrival === 'redirect'
      ? {
          code: 'ERR_UNSAFE_REDIRECT',
          message: `The server redirected to a ${scheme} URL. Browsers follow redirects only to http and https URLs, so the redirect was refused.`,
        }
      : {
          code: 'ERR_UNKNOWN_URL_SCHEME',
          message: `The simulated browser opens only http and https URLs, not ${scheme}`,
        }
  }
  if (!hosts.includes(url.hostname)) {
    return {
      code: 'ERR_NAME_NOT_RESOLVED',
      message: `${url.hostname} does not exist on the simulated network: it has only ${hosts.join(', ')}. Nothing was sent.`,
    }
  }
  if (url.port !== '') {
    return {
      code: 'ERR_CONNECTION_REFUSED',
      message: `${url.host} refused to connect: the simulated server listens on the default ports (80 for http, 443 for https).`,
    }
  }
  return undefined
}

/**
 * The next hop of a redirect (the `Location` parsed against the URL that sent it), or why it is
 * refused; `url` is then what the network log shows for the refused hop.
 */
export function redirectTarget(
  location: string,
  from: string,
  hosts: readonly string[] = PLAYGROUND_HOSTS,
): { url: string } | { url: string; failure: NetworkFailure } {
  let url: URL
  try {
    url = new URL(location, from)
  } catch {
    return {
      url: location,
      failure: {
        code: 'ERR_INVALID_REDIRECT',
        message: `The server redirected to "${location}", which is not a URL.`,
      },
    }
  }
  const failure = unreachable(url, 'redirect', hosts)
  return failure ? { url: url.href, failure } : { url: url.href }
}
