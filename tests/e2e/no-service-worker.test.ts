import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectPageErrors, newPage, openSite, type Site } from './support/chromium'
import {
  playground,
  realBrowserTraces,
  screenshot,
  visit,
  type Playground,
} from './support/playground'

/**
 * Plain http on a name other than localhost is not a secure context: Chromium offers no
 * service workers there. The name resolves to the local test server.
 */
const INSECURE_HOST = 'playground.test'

let site: Site
let page: Page
let ui: Playground
let pageErrors: string[]

describe('without service workers (plain http on a non-local name)', () => {
  beforeAll(async () => {
    site = await openSite({ args: [`--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`] })
    page = await newPage(site)
    pageErrors = collectPageErrors(page)
    ui = playground(page)
    const url = new URL(site.url)
    url.hostname = INSECURE_HOST
    await page.goto(url.href)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it('is really a page without service workers', async () => {
    expect(
      await page.evaluate(() => ({
        secure: window.isSecureContext,
        serviceWorker: typeof navigator.serviceWorker,
      })),
    ).toEqual({ secure: false, serviceWorker: 'undefined' })
  })

  it('says plainly that requests go straight to the simulated server', async () => {
    const notice = page.getByRole('status').filter({ hasText: 'straight to the simulated server' })
    await expect(notice.count()).resolves.toBe(1)
    const text = await notice.textContent()
    expect(text).toMatch(/not served over https/)
    expect(text).toMatch(/Everything else works the same/)
    await expect(notice.isVisible()).resolves.toBe(true)
  })

  it('keeps the notice in sight on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const notice = page.getByRole('status').filter({ hasText: 'straight to the simulated server' })
    await expect(notice.isVisible()).resolves.toBe(true)
    await screenshot(page, 'no-service-worker-390x844')
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('logs Alice in through the in-page transport', async () => {
    await visit(ui, '/')
    const shown = ui.shownPage()
    await shown.getByRole('heading', { name: 'Welcome' }).waitFor()
    await shown.getByLabel('Username').fill('alice')
    await shown.getByLabel('Password').fill('wonderland')
    await shown.getByRole('button', { name: 'Log in' }).click()
    await shown.getByRole('heading', { name: 'Hello, alice' }).waitFor()
    expect(await ui.addressBar.inputValue()).toBe('http://session.test/dashboard')

    const sid = ui.cookiePanel.getByRole('row').filter({ hasText: 'connect.sid' })
    await expect(sid.getByRole('cell', { name: 'HttpOnly: yes' }).textContent()).resolves.toBe('✓')
    const post = ui.networkPanel.getByRole('row').filter({ hasText: 'POST' })
    await expect(post.getByRole('cell').nth(3).innerText()).resolves.toMatch(/^302\b/)
    await screenshot(page, 'no-service-worker-1280x800')
  })

  it('leaves no cookies in the real browser', async () => {
    const traces = await realBrowserTraces(page)
    expect(traces.documentCookie).toBe('')
    expect(traces.contextCookies).toEqual([])
    expect(traces.mswCookieStore).toBe('[]')
  })

  it('logs no errors to the page console', () => {
    expect(pageErrors).toEqual([])
  })
})
