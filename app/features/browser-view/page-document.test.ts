import { describe, expect, it } from 'vitest'
import type { PageView } from '../../../mocks/client'
import { pageSrcdoc, pageTitle, prettyJson } from './page-document'

function page(change: Partial<PageView>): PageView {
  return {
    url: 'http://session.test/dashboard',
    kind: 'html',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '',
    error: undefined,
    ...change,
  }
}

describe('pageSrcdoc', () => {
  it('gives a fragment a doctype and the default style before the server’s HTML', () => {
    const srcdoc = pageSrcdoc('<h1>Welcome</h1>')
    expect(srcdoc).toMatch(
      /^<!doctype html><meta charset="utf-8"><style>[\s\S]*<\/style><h1>Welcome<\/h1>$/,
    )
  })

  it('keeps a full document’s own doctype first, so it is not rendered in quirks mode', () => {
    const srcdoc = pageSrcdoc('<!DOCTYPE html>\n<html><body>Hi</body></html>')
    expect(srcdoc.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(srcdoc.match(/<!doctype/gi)).toHaveLength(1)
    expect(srcdoc).toContain('<html><body>Hi</body></html>')
  })

  it('adds no base element: links are resolved by the app against the simulated URL', () => {
    expect(pageSrcdoc('<a href="/x">x</a>')).not.toMatch(/<base/i)
  })
})

describe('prettyJson', () => {
  it('indents JSON by two spaces', () => {
    expect(prettyJson('{"user":"alice","views":[1,2]}')).toBe(
      '{\n  "user": "alice",\n  "views": [\n    1,\n    2\n  ]\n}',
    )
  })

  it('returns text that is not JSON as it came', () => {
    expect(prettyJson('{oops')).toBe('{oops')
  })
})

describe('pageTitle', () => {
  it.each([
    [undefined, 'New tab'],
    [page({ body: '<title>My &amp; title</title><h1>Other</h1>' }), 'My & title'],
    [page({ body: '<h1>Hello, <em>alice</em></h1>' }), 'Hello, alice'],
    [page({ body: '<h1>Hello, &#39;bob&#39;</h1>' }), "Hello, 'bob'"],
    [page({ body: '<p>No heading</p>' }), '/dashboard'],
    [page({ kind: 'json', body: '{}', url: 'http://session.test/api?x=1' }), '/api?x=1'],
    [page({ kind: 'error', body: '' }), 'session.test'],
  ])('titles %# as %j', (shown, title) => {
    expect(pageTitle(shown)).toBe(title)
  })
})
