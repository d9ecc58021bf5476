import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  collectPageErrors,
  newContext,
  openSite,
  STEP_TIMEOUT_MS,
  type Site,
} from './support/chromium'
import {
  expectStepPassedAndGreen,
  hardReload,
  isWithinViewport,
  pageOverflow,
  playground,
  realBrowserTraces,
  screenshot,
  showPanel,
  visit,
  type Playground,
} from './support/playground'

const LESSON_COUNT = readdirSync('lessons', { withFileTypes: true }).filter((entry) =>
  entry.isDirectory(),
).length

let site: Site
let page: Page
let ui: Playground
/** Errors of every page this file opens. */
const pageErrors: string[] = []

function watchErrors(target: Page): void {
  collectPageErrors(target, pageErrors)
}

async function openPage(url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
}

/** The step list's links, each with its "(completed)" mark when there is one. */
async function stepMarks(): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('listitem')
  return (await links.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
}

describe('lessons in the built site', () => {
  beforeAll(async () => {
    site = await openSite()
    // One context for every page of this file: they share the origin's storage, like tabs.
    const context = await newContext(site)
    page = await context.newPage()
    watchErrors(page)
    ui = playground(page)
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it('shows the lesson list on a first visit of #/lessons', async () => {
    await openPage(`${site.url}#/lessons`)
    const list = ui.lesson.getByRole('list', { name: 'Lessons' })
    await list.waitFor()
    await expect(list.getByRole('listitem').count()).resolves.toBe(LESSON_COUNT)
    await expect(list.getByRole('listitem').first().getByRole('link').textContent()).resolves.toBe(
      'Your first session',
    )
    // Nothing done yet: every lesson counts its steps from zero.
    const marks = await list.locator('.lp-mark').allTextContents()
    expect(marks).toHaveLength(LESSON_COUNT)
    for (const mark of marks) expect(mark).toMatch(/^0\/\d+ steps$/)
  })

  it('is controlled by the service worker', async () => {
    const controller = await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      return navigator.serviceWorker.controller?.scriptURL
    })
    expect(controller).toBe(`${site.url}mockServiceWorker.js`)
  })

  it('completes lesson 1 by clicking, and the panels show the cookie, the exchange and the session', async () => {
    await ui.lesson.getByRole('link', { name: 'Your first session' }).click()
    await ui.step.getByRole('heading', { name: 'Visit the counter' }).waitFor()
    // The checks appear once the lesson's server runs, all of them still open.
    await ui.step.getByText('Checks (0 of 3 passing)').waitFor()
    await expect(ui.step.getByText(/^Not yet: /).count()).resolves.toBe(3)

    // Step 1: type / in Alice's address bar and press Enter.
    await expect(ui.browserTab('Alice').getAttribute('aria-selected')).resolves.toBe('true')
    await visit(ui, '/')
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 1 time' })
      .waitFor()
    await expectStepPassedAndGreen(ui)

    const sid = ui.cookiePanel.getByRole('row').filter({ hasText: 'connect.sid' })
    await expect(sid.count()).resolves.toBe(1)
    await expect(sid.getByRole('cell', { name: 'HttpOnly: yes' }).textContent()).resolves.toBe('✓')

    const exchange = ui.networkPanel.getByRole('row').filter({ hasText: 'GET' })
    await expect(exchange.count()).resolves.toBe(1)
    const cells = await exchange.getByRole('cell').allInnerTexts()
    expect(cells[1]).toBe('GET')
    expect(cells[2]).toBe('/')
    expect(cells[3]).toMatch(/^200\b/)
    expect(cells[6]).toMatch(/^connect\.sid\b/)

    await showPanel(page, 'Session store')
    await ui.storePanel.getByText(/^1 session$/).waitFor()
    const sessions = ui.storePanel
      .getByRole('list', { name: 'Sessions in store 1' })
      .getByRole('listitem')
    await expect(sessions.count()).resolves.toBe(1)
    await expect(sessions.first().innerText()).resolves.toMatch(/views/)
    await screenshot(page, 'lesson-1-step-1-done-1280x800')
    // With content in every panel, the desktop still fits the window: the panes scroll, not the page.
    expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 })
    for (const panel of [ui.browserPanel, ui.cookiePanel, ui.networkPanel])
      expect(await isWithinViewport(panel.getByRole('heading', { level: 2 }))).toBe(true)

    // Step 2: follow the page's own "Visit again" link.
    await ui.step.getByRole('button', { name: 'Next step →' }).click()
    await ui.step.getByRole('heading', { name: 'Come back' }).waitFor()
    await ui.shownPage().getByRole('link', { name: 'Visit again' }).click()
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 2 times' })
      .waitFor()
    await expectStepPassedAndGreen(ui)
    await expect(ui.networkPanel.getByRole('row').filter({ hasText: 'GET' }).count()).resolves.toBe(
      2,
    )

    // Step 3: Bob's tab, the same address.
    await ui.step.getByRole('button', { name: 'Next step →' }).click()
    await ui.step.getByRole('heading', { name: 'A second visitor' }).waitFor()
    await ui.browserTab('Bob').click()
    await visit(ui, '/')
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 1 time' })
      .waitFor()
    await expectStepPassedAndGreen(ui)
    await ui.lesson.getByRole('heading', { name: 'Well done: lesson complete!' }).waitFor()
    await expect(ui.lesson.getByText('✓ Done', { exact: true }).count()).resolves.toBe(1)
    await ui.storePanel.getByText(/^2 sessions$/).waitFor()
    expect(await stepMarks()).toEqual([
      'Visit the counter ✓ (completed)',
      'Come back ✓ (completed)',
      'A second visitor ✓ (completed)',
    ])
  })

  it('opens the step a deep link names, and logs Alice in through the form in the page', async () => {
    await page.goto('about:blank')
    await openPage(`${site.url}#/lessons/03-login-form/log-in`)
    await ui.step.getByRole('heading', { name: 'Alice logs in' }).waitFor()
    await expect(ui.step.getByText('Step 2 of 4').count()).resolves.toBe(1)
    await expect(
      page
        .getByRole('navigation', { name: 'Steps of this lesson' })
        .locator('[aria-current="step"]')
        .textContent(),
    ).resolves.toBe('Alice logs in')

    await expect(ui.browserTab('Alice').getAttribute('aria-selected')).resolves.toBe('true')
    await visit(ui, '/login')
    const form = ui.shownPage()
    await form.getByLabel('Username').fill('alice')
    await form.getByLabel('Password').fill('wonderland')
    await form.getByRole('button', { name: 'Log in' }).click()
    await form.getByRole('heading', { name: 'Hello, alice' }).waitFor()
    expect(await ui.addressBar.inputValue()).toBe('http://session.test/dashboard')
    await expectStepPassedAndGreen(ui)
    expect(await stepMarks()).toEqual([
      'Knock on a locked door',
      'Alice logs in ✓ (completed)',
      'Bob guesses',
      'Forget the body parser',
    ])
  })

  async function expectProgressKept(): Promise<void> {
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
    await ui.step.getByRole('heading', { name: /Alice logs in/ }).waitFor()
    expect(await stepMarks()).toEqual([
      'Knock on a locked door',
      'Alice logs in ✓ (completed)',
      'Bob guesses',
      'Forget the body parser',
    ])
    await ui.lesson.getByRole('link', { name: '← All lessons' }).click()
    const list = ui.lesson.getByRole('list', { name: 'Lessons' })
    await list.waitFor()
    const marks = await list.locator('.lp-mark').allInnerTexts()
    expect(marks[0]).toBe('✓ done')
    expect(marks[2]).toBe('1/4 steps')
    await page.goBack()
  }

  it('keeps the completed marks through a reload and a hard reload', async () => {
    await page.reload()
    await expectProgressKept()

    // A hard reload (Shift+Reload): nothing from the HTTP cache.
    await hardReload(page)
    await expectProgressKept()
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await visit(ui, '/login')
    await ui.shownPage().getByRole('heading', { name: 'Log in' }).waitFor()

    // A fresh tab with the cache disabled, as with DevTools open.
    const fresh = await page.context().newPage()
    watchErrors(fresh)
    const freshCdp = await fresh.context().newCDPSession(fresh)
    await freshCdp.send('Network.enable')
    await freshCdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await page.close()
    page = fresh
    ui = playground(page)
    await openPage(`${site.url}#/lessons/03-login-form/log-in`)
    await expectProgressKept()

    // And the playground still works there, through the service worker.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: STEP_TIMEOUT_MS,
      })
      .toBe(true)
  })

  it('writes screenshots of a lesson on a desktop and on a phone', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await ui.step.waitFor()
    await screenshot(page, 'lesson-1280x800')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('.layout-phone').waitFor()
    await screenshot(page, 'lesson-390x844', true)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('logs no errors to the page console', () => {
    expect(pageErrors).toEqual([])
  })

  it('leaves no cookies in the real browser', async () => {
    const traces = await realBrowserTraces(page)
    expect(traces.documentCookie).toBe('')
    expect(traces.contextCookies).toEqual([])
    expect(traces.mswCookieStore).toBe('[]')
  })
})
