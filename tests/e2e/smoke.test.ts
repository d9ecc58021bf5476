import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectPageErrors, openSite, type Site } from './support/chromium'

let site: Site
let page: Page
let pageErrors: string[]

async function send(
  method: string,
  path: string,
  body = '',
): Promise<{ status: string; body: string }> {
  await page.getByLabel('Method').selectOption(method)
  await page.getByLabel('Path').fill(path)
  await page.getByLabel('Form body').fill(body)
  const exchange = page.locator('[data-request-id]')
  const previous = (await exchange.count()) ? await exchange.getAttribute('data-request-id') : null
  await page.getByRole('button', { name: 'Send' }).click()
  await page.waitForFunction(
    (before) =>
      document.querySelector('[data-request-id]')?.getAttribute('data-request-id') !== before,
    previous,
  )
  return page.evaluate(() => ({
    status: document.querySelector('[data-testid="status-line"]')?.textContent ?? '',
    body: document.querySelector('[data-testid="response-body"]')?.textContent ?? '',
  }))
}

async function responseHeaders(): Promise<string[]> {
  return page.getByRole('list', { name: 'Response headers' }).locator('li').allTextContents()
}

describe('the built site in Chromium', () => {
  beforeAll(async () => {
    site = await openSite()
    page = await site.browser.newPage()
    pageErrors = collectPageErrors(page)
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it('is controlled by the MSW service worker registered under the base path', async () => {
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(new URL(scope).pathname).toBe('/session-playground/')
  })

  it('completes the login flow on the real Express stack running in the server worker', async () => {
    const home = await send('GET', '/')
    expect(home.status).toBe('GET / → 200 OK')
    expect(home.body).toContain('<h1>Welcome</h1>')

    const wrong = await send('POST', '/login', 'username=alice&password=nope')
    expect(wrong.status).toBe('POST /login → 401 Unauthorized')

    const login = await send('POST', '/login', 'username=alice&password=wonderland')
    expect(login.status).toBe('POST /login → 302 Found')
    const loginHeaders = await responseHeaders()
    expect(loginHeaders).toContain('Location: /dashboard')
    expect(loginHeaders.find((line) => line.startsWith('Set-Cookie:'))).toMatch(
      /^Set-Cookie: connect\.sid=s%3A[\w-]{32}\.[\w%]+; Path=\/; Expires=.+ GMT; HttpOnly$/,
    )

    const dashboard = await send('GET', '/dashboard')
    expect(dashboard.status).toBe('GET /dashboard → 200 OK')
    expect(dashboard.body).toContain('Hello, alice')

    const logout = await send('POST', '/logout')
    expect(logout.status).toBe('POST /logout → 302 Found')
    expect((await responseHeaders()).some((line) => line.startsWith('Set-Cookie:'))).toBe(false)

    const afterLogout = await send('GET', '/dashboard')
    expect(afterLogout.status).toBe('GET /dashboard → 302 Found')
  })

  it('keeps simulated cookies out of the real browser', async () => {
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect(await page.context().cookies()).toEqual([])
    expect(await page.evaluate(() => localStorage.getItem('__msw-cookie-store__') ?? '[]')).toBe(
      '[]',
    )
  })

  it('logs no errors to the page console', () => {
    expect(pageErrors).toEqual([])
  })
})
