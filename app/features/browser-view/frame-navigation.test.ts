// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  FRAME_NAVIGATION_FILE,
  outsideListenersRun,
  readFrameNavigation,
  routeThroughFrameLoads,
} from './frame-navigation'

const BASE = '/session-playground/'
const ORIGIN = 'http://127.0.0.1:4173'

function pageDocument(html: string): Document {
  const document = window.document.implementation.createHTMLDocument('page')
  document.body.innerHTML = html
  return document
}

/** The URL a browser loads for a GET submission: the action with the fields as its query. */
function submittedUrl(form: HTMLFormElement, submitter?: HTMLElement): string {
  const action = submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? ''
  const url = new URL(action, ORIGIN)
  url.search = new URLSearchParams(
    [...new FormData(form, submitter ?? null)].map(([name, value]) => [name, String(value)]),
  ).toString()
  return url.href
}

describe('links and forms routed through frame loads', () => {
  it('gives back each link’s href as written, fragments and schemes included', () => {
    const document = pageDocument(
      '<a href="/dashboard?tab=1#top">a</a><a href="#here">b</a><a href="javascript:alert(1)">c</a>',
    )
    routeThroughFrameLoads(document, BASE)
    const links = [...document.querySelectorAll('a')]
    for (const link of links) {
      expect(new URL(link.getAttribute('href') ?? '', ORIGIN).pathname).toBe(
        `${BASE}${FRAME_NAVIGATION_FILE}`,
      )
    }
    expect(
      links.map((link) =>
        readFrameNavigation(new URL(link.getAttribute('href') ?? '', ORIGIN).href),
      ),
    ).toEqual([
      { kind: 'link', href: '/dashboard?tab=1#top' },
      { kind: 'link', href: '#here' },
      { kind: 'link', href: 'javascript:alert(1)' },
    ])
  })

  it('sends a POST form with GET and gives back its action, method and fields', () => {
    const document = pageDocument(
      '<form method="post" action="/login"><input name="username" value="alice"><input name="password" value="w&nder land"><button name="go" value="1">Log in</button></form>',
    )
    routeThroughFrameLoads(document, BASE)
    const form = document.querySelector('form')!
    expect(form.getAttribute('method')).toBe('get')
    const button = document.querySelector('button')!
    expect(readFrameNavigation(submittedUrl(form, button))).toEqual({
      kind: 'form',
      submission: {
        action: '/login',
        method: 'post',
        fields: [
          ['username', 'alice'],
          ['password', 'w&nder land'],
          ['go', '1'],
        ],
      },
    })
  })

  it('keeps a form without action or method as such, and a submit button’s own formaction', () => {
    const document = pageDocument(
      '<form><input name="q" value="x"><button formaction="/search" formmethod="post">s</button></form>',
    )
    routeThroughFrameLoads(document, BASE)
    const form = document.querySelector('form')!
    expect(readFrameNavigation(submittedUrl(form))).toEqual({
      kind: 'form',
      submission: { action: null, method: null, fields: [['q', 'x']] },
    })
    const button = document.querySelector('button')!
    expect(button.getAttribute('formmethod')).toBe('get')
    expect(readFrameNavigation(submittedUrl(form, button))).toEqual({
      kind: 'form',
      submission: { action: '/search', method: 'post', fields: [['q', 'x']] },
    })
  })

  it('leaves a dialog form alone', () => {
    const document = pageDocument('<form method="dialog"><button>Close</button></form>')
    routeThroughFrameLoads(document, BASE)
    expect(document.querySelector('form')?.getAttribute('method')).toBe('dialog')
    expect(document.querySelector('form')?.hasAttribute('action')).toBe(false)
  })

  it('reads nothing from any other URL the frame may hold', () => {
    expect(readFrameNavigation(`${ORIGIN}${BASE}#/lessons`)).toBeUndefined()
    expect(readFrameNavigation(`${ORIGIN}${BASE}${FRAME_NAVIGATION_FILE}`)).toBeUndefined()
    expect(readFrameNavigation('about:blank')).toBeUndefined()
    expect(readFrameNavigation('not a url')).toBeUndefined()
  })

  it('finds that listeners from outside run in a document that runs them (not WebKit’s frame)', () => {
    expect(outsideListenersRun(pageDocument('<p>x</p>'))).toBe(true)
  })
})
