import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FrameLocator, Locator, Page } from 'playwright-core'
import { collectPageErrors, openSite, type Site } from './support/chromium'

const SCREENSHOTS = 'screenshots'

let site: Site
let page: Page
let pageErrors: string[]

function browserPanel(): Locator {
  return page.getByRole('region', { name: 'Browser' })
}

function cookiePanel(): Locator {
  return page.getByRole('region', { name: 'Cookies' })
}

function addressBar(): Locator {
  return browserPanel().getByRole('textbox', { name: 'Address' })
}

/** The page the simulated browser shows: server HTML in a sandboxed frame. */
function shownPage(): FrameLocator {
  return browserPanel().frameLocator('iframe[title^="Page at "]')
}

async function visit(path: string): Promise<void> {
  await addressBar().fill(path)
  await addressBar().press('Enter')
}

async function logIn(password: string): Promise<void> {
  const form = shownPage()
  await form.getByLabel('Username').fill('alice')
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Log in' }).click()
}

describe('the built site in Chromium', () => {
  beforeAll(async () => {
    site = await openSite()
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
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

  it('completes the login flow in Alice’s tab, on the real Express stack in the server worker', async () => {
    await expect(
      browserPanel().getByRole('tab', { selected: true }).textContent(),
    ).resolves.toContain('Alice')

    await visit('/')
    await shownPage().getByRole('heading', { name: 'Welcome' }).waitFor()
    expect(await addressBar().inputValue()).toBe('http://session.test/')

    await logIn('nope')
    await shownPage().getByText('Wrong username or password').waitFor()
    await browserPanel().getByText('401 Unauthorized').waitFor()
    await shownPage().getByRole('link', { name: 'Try again' }).click()
    await shownPage().getByRole('heading', { name: 'Welcome' }).waitFor()

    await logIn('wonderland')
    await shownPage().getByRole('heading', { name: 'Hello, alice' }).waitFor()
    expect(await addressBar().inputValue()).toBe('http://session.test/dashboard')

    const sid = cookiePanel().getByRole('row').filter({ hasText: 'connect.sid' })
    await sid.waitFor()
    await expect(sid.getByRole('cell', { name: 'HttpOnly: yes' }).textContent()).resolves.toBe('✓')
    await expect(sid.getByText(/^s%3A[\w-]{32}\./).count()).resolves.toBe(1)
    await cookiePanel()
      .getByText(/Signature verifies with secret #1/)
      .waitFor()

    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOTS}/logged-in-1280x800.png` })

    await shownPage().getByRole('button', { name: 'Log out' }).click()
    await shownPage().getByRole('heading', { name: 'Welcome' }).waitFor()
    expect(await addressBar().inputValue()).toBe('http://session.test/')

    // The session is gone from the store: the old cookie no longer opens the dashboard.
    await visit('/dashboard')
    await expect.poll(() => addressBar().inputValue()).toBe('http://session.test/')
    await shownPage().getByRole('heading', { name: 'Welcome' }).waitFor()
  })

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    // On a phone the panels are tabs, the lesson first.
    await page.getByRole('tab', { name: 'Browser', exact: true }).click()
    await browserPanel().waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/browser-390x844.png`, fullPage: true })
    await page.getByRole('tab', { name: 'Cookies', exact: true }).click()
    await cookiePanel().getByRole('table').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/cookies-390x844.png`, fullPage: true })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await page.setViewportSize({ width: 1280, height: 800 })
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
