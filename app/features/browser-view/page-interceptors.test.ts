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
    expect(link).toHaveBeenCalledWith('/dashboard', page)
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
    expect(form).toHaveBeenCalledWith({ action: '/logout', method: 'post', fields: [['b', '1']] })
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
