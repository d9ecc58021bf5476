// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { attachPageInterceptors, readFormSubmission } from './page-interceptors'

/** A frame document like the page area's (jsdom does not load `srcdoc`, so we write it). */
function frameWith(html: string): Document {
  const frame = document.createElement('iframe')
  document.body.append(frame)
  const page = frame.contentDocument
  if (!page) throw new Error('the frame has no document')
  page.open()
  page.write(html)
  page.close()
  return page
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('readFormSubmission', () => {
  it('reads the fields and the submitter’s name and value', () => {
    const page = frameWith(`<form method="post" action="/login">
      <input name="username" value="alice"><input name="password" type="password" value="wonderland">
      <input type="checkbox" name="remember" value="yes" checked>
      <input type="checkbox" name="skipped" value="no">
      <input name="disabled" value="x" disabled>
      <button name="intent" value="login">Log in</button><button name="intent" value="other">Other</button>
    </form>`)
    const form = page.querySelector('form')!
    const [login] = page.querySelectorAll('button')
    expect(readFormSubmission(form, login!)).toEqual({
      action: '/login',
      method: 'post',
      fields: [
        ['username', 'alice'],
        ['password', 'wonderland'],
        ['remember', 'yes'],
        ['intent', 'login'],
      ],
    })
  })

  it('lets the submitter’s formaction and formmethod override the form’s', () => {
    const page = frameWith(
      '<form method="post" action="/a"><button formaction="/b" formmethod="get">Go</button></form>',
    )
    const submission = readFormSubmission(page.querySelector('form')!, page.querySelector('button'))
    expect(submission).toMatchObject({ action: '/b', method: 'get' })
  })

  it('reports absent action and method as null', () => {
    const page = frameWith('<form><input name="q" value="1"></form>')
    expect(readFormSubmission(page.querySelector('form')!, null)).toEqual({
      action: null,
      method: null,
      fields: [['q', '1']],
    })
  })
})

describe('attachPageInterceptors', () => {
  it('cancels a link click and hands over the href as written', () => {
    const page = frameWith('<a href="/dashboard"><span>Dashboard</span></a>')
    const link = vi.fn()
    attachPageInterceptors(page, { link, form: vi.fn() })
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })
    page.querySelector('span')!.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    expect(link).toHaveBeenCalledWith('/dashboard', page, 'here')
  })

  it('ignores clicks outside links', () => {
    const page = frameWith('<p>text</p>')
    const link = vi.fn()
    attachPageInterceptors(page, { link, form: vi.fn() })
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    page.querySelector('p')!.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(false)
    expect(link).not.toHaveBeenCalled()
  })

  it('cancels a form submission and hands over its fields, even if the page stops the event', () => {
    const page = frameWith(
      '<form method="post" action="/logout"><button name="b" value="1">Log out</button></form>',
    )
    const form = vi.fn()
    attachPageInterceptors(page, { link: vi.fn(), form })
    page.querySelector('form')!.addEventListener('submit', (event) => event.stopPropagation())
    page.querySelector('form')!.requestSubmit(page.querySelector('button'))
    expect(form).toHaveBeenCalledWith(
      { action: '/logout', method: 'post', fields: [['b', '1']] },
      'here',
    )
  })

  it.each([
    ['a middle click (auxclick)', 'auxclick', { button: 1 }, '<a href="/d">x</a>', 'new-tab'],
    ['a Ctrl-click', 'click', { button: 0, ctrlKey: true }, '<a href="/d">x</a>', 'new-tab'],
    ['a ⌘-click', 'click', { button: 0, metaKey: true }, '<a href="/d">x</a>', 'new-tab'],
    ['a Shift-click', 'click', { button: 0, shiftKey: true }, '<a href="/d">x</a>', 'new-tab'],
    ['target=_blank', 'click', { button: 0 }, '<a href="/d" target="_blank">x</a>', 'new-tab'],
    ['target=_top', 'click', { button: 0 }, '<a href="/d" target="_top">x</a>', 'here'],
    ['target=_parent', 'click', { button: 0 }, '<a href="/d" target="_parent">x</a>', 'here'],
    [
      'an SVG link with xlink:href',
      'click',
      { button: 0 },
      '<svg><a xlink:href="/d"><text>x</text></a></svg>',
      'here',
    ],
    [
      'an SVG link with href',
      'click',
      { button: 0 },
      '<svg><a href="/d"><text>x</text></a></svg>',
      'here',
    ],
    [
      'an image map area',
      'auxclick',
      { button: 1 },
      '<map><area href="/d"></map><b>x</b>',
      'new-tab',
    ],
  ] as const)('catches %s', (_, type, init, html, disposition) => {
    const page = frameWith(html)
    const link = vi.fn()
    attachPageInterceptors(page, { link, form: vi.fn() })
    const target = page.querySelector('text, area, a')!
    const event = new MouseEvent(type, { bubbles: true, cancelable: true, ...init })
    target.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(link).toHaveBeenCalledWith('/d', page, disposition)
  })

  it('leaves the right button alone', () => {
    const page = frameWith('<a href="/d">x</a>')
    const link = vi.fn()
    attachPageInterceptors(page, { link, form: vi.fn() })
    const event = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 })
    page.querySelector('a')!.dispatchEvent(event)
    expect(link).not.toHaveBeenCalled()
  })

  it('opens a form with a target, or a submitter’s formtarget, in a new tab', () => {
    const page = frameWith(
      '<form action="/a" target="_blank"><button>a</button><button formtarget="_self">b</button></form>',
    )
    const form = vi.fn()
    attachPageInterceptors(page, { link: vi.fn(), form })
    const [blank, self] = page.querySelectorAll('button')
    page.querySelector('form')!.requestSubmit(blank)
    page.querySelector('form')!.requestSubmit(self)
    expect(form.mock.calls.map(([, disposition]) => disposition as string)).toEqual([
      'new-tab',
      'here',
    ])
  })

  it('stops listening once detached', () => {
    const page = frameWith('<a href="/x">x</a>')
    const link = vi.fn()
    const detach = attachPageInterceptors(page, { link, form: vi.fn() })
    detach()
    page
      .querySelector('a')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(link).not.toHaveBeenCalled()
  })
})
