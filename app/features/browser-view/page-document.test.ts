// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { PageView } from '../../../mocks/client'
import { pageDocument, pagePolicy, pageTitle, prettyJson } from './page-document'

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

const OPTIONS = {
  pageUrl: 'http://session.test/dashboard',
  formTarget: 'http://127.0.0.1:4173/session-playground/frame-navigation.html',
}
const written = (html: string) => pageDocument(html, OPTIONS)

/** The document the frame's parser builds from what is written (scripts never run in it). */
function parsed(html: string): Document {
  return new DOMParser().parseFromString(written(html), 'text/html')
}

describe('pageDocument', () => {
  it('gives a fragment a doctype and the default style before the server’s HTML', () => {
    expect(written('<h1>Welcome</h1>')).toMatch(
      /^<!doctype html><meta http-equiv="Content-Security-Policy" [^>]*><base [^>]*><meta charset="utf-8"><style>[\s\S]*<\/style><h1>Welcome<\/h1>$/,
    )
  })

  it('keeps a full document’s own doctype first, so it is not rendered in quirks mode', () => {
    const html = written('<!DOCTYPE html>\n<html><body>Hi</body></html>')
    expect(html.startsWith('<!DOCTYPE html><meta http-equiv="Content-Security-Policy"')).toBe(true)
    expect(html.match(/<!doctype/gi)).toHaveLength(1)
    expect(html).toContain('<html><body>Hi</body></html>')
  })

  it('starts with a policy that lets nothing of the page reach the network', () => {
    const policy = pagePolicy(OPTIONS)
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      'img-src data:',
      'font-src data:',
      'form-action http://127.0.0.1:4173/session-playground/frame-navigation.html',
    ])
    const document = parsed('<img src="http://127.0.0.1:4999/x.png"><h1>Hi</h1>')
    const first = document.head.firstElementChild
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy')
    expect(first?.getAttribute('content')).toBe(policy)
  })

  it('makes the simulated URL the base, ahead of any base of the page', () => {
    const document = parsed('<base href="http://127.0.0.1:4999/"><a href="/x">x</a>')
    expect(document.querySelectorAll('base')).toHaveLength(1)
    expect(document.querySelector('base')?.getAttribute('href')).toBe(OPTIONS.pageUrl)
    expect(document.querySelector('base')?.getAttribute('target')).toBe('_self')
  })

  it.each([
    [
      'a meta refresh',
      '<meta http-equiv="Refresh" content="0; url=http://127.0.0.1:4999/">',
      'meta[http-equiv="refresh" i]',
    ],
    ['a base', '<base href="//127.0.0.1:4999/">', 'base:not([target])'],
    ['a preconnect hint', '<link rel="preconnect" href="http://127.0.0.1:4999">', 'link'],
    ['a DNS prefetch hint', '<link rel="DNS-Prefetch" href="//127.0.0.1:4999">', 'link'],
    ['a prefetch', '<link rel="prefetch next" href="http://127.0.0.1:4999/x">', 'link'],
    ['a nested document', '<iframe srcdoc="<a href=//127.0.0.1:4999>x</a>"></iframe>', '[srcdoc]'],
    ['a nested frame’s address', '<iframe src="http://127.0.0.1:4999/"></iframe>', '[src]'],
    ['a ping', '<a href="/x" ping="http://127.0.0.1:4999/p">x</a>', '[ping]'],
  ])('takes %s out of the page, which no policy stops', (_, html, selector) => {
    const document = parsed(`<p>before</p>${html}<p>after</p>`)
    expect(document.querySelector(selector)).toBeNull()
    expect(document.body.textContent).toContain('before')
    expect(document.body.textContent).toContain('after')
  })

  it('keeps a stylesheet link and the page’s own policy: the frame’s policy holds them', () => {
    const html = written(
      '<meta http-equiv="Content-Security-Policy" content="img-src *"><link rel="stylesheet" href="/s.css"><p>x</p>',
    )
    expect(html).toContain('content="img-src *"')
    expect(html).toContain('href="/s.css"')
  })

  it('escapes the page URL in its attribute', () => {
    const url = 'http://session.test/a"><b>'
    const html = pageDocument('<p>x</p>', { ...OPTIONS, pageUrl: url })
    const document = new DOMParser().parseFromString(html, 'text/html')
    expect(document.querySelector('base')?.getAttribute('href')).toBe(url)
    expect(document.querySelector('b')).toBeNull()
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
