import { describe, expect, it } from 'vitest'
import { errorPageCopy } from './error-page'

describe('errorPageCopy', () => {
  it.each([
    [
      'ERR_TOO_MANY_REDIRECTS',
      'This page isn’t working',
      /redirected you too many times/,
      'ERR_TOO_MANY_REDIRECTS',
    ],
    [
      'SERVER_NOT_RUNNING',
      'This site can’t be reached',
      /refused to connect/,
      'ERR_CONNECTION_REFUSED',
    ],
    ['SERVER_TIMEOUT', 'This site can’t be reached', /took too long to respond/, 'ERR_TIMED_OUT'],
    ['SERVER_CRASHED', 'This site can’t be reached', /server crashed/, 'ERR_CONNECTION_CLOSED'],
    ['ECONNRESET', 'This site can’t be reached', /connection was reset/, 'ERR_CONNECTION_RESET'],
    ['ERR_FAILED', 'This site can’t be reached', /did not answer/, 'ERR_FAILED'],
  ])('words %s like Chrome', (code, title, summary, chromeCode) => {
    const copy = errorPageCopy(code)
    expect(copy.title).toBe(title)
    expect(copy.summary).toMatch(summary)
    expect(copy.chromeCode).toBe(chromeCode)
  })

  it.each([
    [
      'ERR_NAME_NOT_RESOLVED',
      'http://example.com:8080/x',
      'example.com’s server IP address could not be found.',
      'DNS_PROBE_FINISHED_NXDOMAIN',
    ],
    [
      'ERR_CONNECTION_REFUSED',
      'http://session.test:8080/',
      'session.test:8080 refused to connect.',
      'ERR_CONNECTION_REFUSED',
    ],
    [
      'ERR_UNSAFE_REDIRECT',
      'http://session.test/go',
      'The webpage at http://session.test/go might be temporarily down or it may have moved permanently to a new web address.',
      'ERR_UNSAFE_REDIRECT',
    ],
  ])('names the host or page of %s (%s)', (code, url, summary, chromeCode) => {
    const copy = errorPageCopy(code, url)
    expect(copy).toEqual({ title: 'This site can’t be reached', summary, chromeCode })
  })
})
