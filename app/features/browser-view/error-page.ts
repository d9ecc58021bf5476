/**
 * Chrome's wording for a page that could not be shown, for each way a simulated request fails:
 * the server is not running (refused), it crashed (closed, reset), it never answered
 * (timed out), the redirects loop, or the simulated network has no such host or refuses the
 * redirect's scheme.
 */
import { SITE_HOST } from '../../../mocks/client'

export interface ErrorPageCopy {
  title: string
  summary: string
  /** The code Chrome would print under the message. */
  chromeCode: string
}

/** `url` is the page's: the host it names is the one Chrome's message names. */
export function errorPageCopy(code: string, url?: string): ErrorPageCopy {
  const host = hostOf(url)
  switch (code) {
    case 'ERR_NAME_NOT_RESOLVED':
      return {
        title: 'This site can’t be reached',
        // The name looked up: no port.
        summary: `${host.replace(/:\d+$/, '')}’s server IP address could not be found.`,
        chromeCode: 'DNS_PROBE_FINISHED_NXDOMAIN',
      }
    case 'ERR_CONNECTION_REFUSED':
      return {
        title: 'This site can’t be reached',
        summary: `${host} refused to connect.`,
        chromeCode: 'ERR_CONNECTION_REFUSED',
      }
    case 'ERR_UNSAFE_REDIRECT':
    case 'ERR_INVALID_REDIRECT':
      return {
        title: 'This site can’t be reached',
        summary: `The webpage at ${url ?? host} might be temporarily down or it may have moved permanently to a new web address.`,
        chromeCode: code,
      }
    case 'ERR_TOO_MANY_REDIRECTS':
      return {
        title: 'This page isn’t working',
        summary: `${SITE_HOST} redirected you too many times.`,
        chromeCode: 'ERR_TOO_MANY_REDIRECTS',
      }
    case 'SERVER_NOT_RUNNING':
      return {
        title: 'This site can’t be reached',
        summary: `${SITE_HOST} refused to connect: the server is not running.`,
        chromeCode: 'ERR_CONNECTION_REFUSED',
      }
    case 'SERVER_TIMEOUT':
      return {
        title: 'This site can’t be reached',
        summary: `${SITE_HOST} took too long to respond.`,
        chromeCode: 'ERR_TIMED_OUT',
      }
    case 'SERVER_CRASHED':
      return {
        title: 'This site can’t be reached',
        summary: `${SITE_HOST} unexpectedly closed the connection: the server crashed.`,
        chromeCode: 'ERR_CONNECTION_CLOSED',
      }
    case 'ECONNRESET':
      return {
        title: 'This site can’t be reached',
        summary: 'The connection was reset: the server crashed while answering.',
        chromeCode: 'ERR_CONNECTION_RESET',
      }
    default:
      return {
        title: 'This site can’t be reached',
        summary: `${SITE_HOST} did not answer.`,
        chromeCode: code,
      }
  }
}

function hostOf(url: string | undefined): string {
  if (url === undefined) return SITE_HOST
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}
