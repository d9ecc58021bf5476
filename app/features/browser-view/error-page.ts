/**
 * Chrome's wording for a page that could not be shown, for each way a simulated request fails:
 * the server is not running (refused), it crashed (closed, reset), it never answered
 * (timed out), or the redirects loop.
 */
import { SITE_HOST } from '../../../mocks/client'

export interface ErrorPageCopy {
  title: string
  summary: string
  /** The code Chrome would print under the message. */
  chromeCode: string
}

export function errorPageCopy(code: string): ErrorPageCopy {
  switch (code) {
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
