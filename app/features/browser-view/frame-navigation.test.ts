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
      { kind: 'link', href: '/dashboard?tab=1#top', disposition: 'here' },
      { kind: 'link', href: '#here', disposition: 'here' },
      { kind: 'link', href: 'javascript:alert(1)', disposition: 'here' },
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
      disposition: 'here',
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
      disposition: 'here',
      submission: { action: null, method: null, fields: [['q', 'x']] },
    })
    const button = document.querySelector('button')!
    expect(button.getAttribute('formmethod')).toBe('get')
    expect(readFrameNavigation(submittedUrl(form, button))).toEqual({
      kind: 'form',
      disposition: 'here',
      submission: { action: '/search', method: 'post', fields: [['q', 'x']] },
    })
  })

  it('keeps SVG links and targets in the frame, with the target in the fragment', () => {
    const document = pageDocument(
      '<a href="/a" target="_blank" download>a</a><a href="/b" target="_top">b</a>' +
        '<svg><a xlink:href="https://example.com/"><text>c</text></a><a href="/d" target="_parent"><text>d</text></a></svg>',
    )
    routeThroughFrameLoads(document, `${ORIGIN}${BASE}`)
    const links = [...document.querySelectorAll('a')]
    expect(
      links.map((link) => link.getAttributeNS('http://www.w3.org/1999/xlink', 'href')),
    ).toEqual([null, null, null, null])
    expect(links.some((link) => link.hasAttribute('target'))).toBe(false)
    expect(links.some((link) => link.hasAttribute('download'))).toBe(false)
    expect(links.map((link) => readFrameNavigation(link.getAttribute('href') ?? ''))).toEqual([
      { kind: 'link', href: '/a', disposition: 'new-tab' },
      { kind: 'link', href: '/b', disposition: 'here' },
      { kind: 'link', href: 'https://example.com/', disposition: 'here' },
      { kind: 'link', href: '/d', disposition: 'here' },
    ])
  })

  it('keeps a form with a target, or a button with a formtarget, in the frame', () => {
    const document = pageDocument(
      '<form action="/a" target="_blank"><button>a</button><button formtarget="_top">b</button></form>',
    )
    routeThroughFrameLoads(document, BASE)
    const form = document.querySelector('form')!
    const [blank, top] = document.querySelectorAll('button')
    expect(form.hasAttribute('target') || top!.hasAttribute('formtarget')).toBe(false)
    expect(readFrameNavigation(submittedUrl(form, blank))?.disposition).toBe('new-tab')
    expect(readFrameNavigation(submittedUrl(form, top))?.disposition).toBe('here')
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
