import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  collectPageErrors,
  newPage,
  openSite,
  STEP_TIMEOUT_MS,
  type Site,
} from './support/chromium'
import {
  isFocused,
  playground,
  tabTo,
  waitForChecksPassing,
  type Playground,
} from './support/playground'

let site: Site
let page: Page
let ui: Playground
let pageErrors: string[]

/** Only page.keyboard from here on: no clicks, no element.click(), no scripted clicks. */
const keyboard = () => page.keyboard

function nextStepButton() {
  return ui.step.getByRole('button', { name: 'Next step →' })
}

describe('lesson 1 with the keyboard alone', () => {
  beforeAll(async () => {
    site = await openSite()
    page = await newPage(site)
    pageErrors = collectPageErrors(page)
    ui = playground(page)
    await page.goto(`${site.url}#/lessons`)
    await ui.lesson.getByRole('list', { name: 'Lessons' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it('opens the lesson from the list with Tab and Enter', async () => {
    await tabTo(page, ui.lesson.getByRole('link', { name: 'Your first session' }))
    await keyboard().press('Enter')
    await ui.step.getByRole('heading', { name: 'Visit the counter' }).waitFor()
    // The lesson's own server runs once its checks show.
    await ui.step.getByText('Checks (0 of 3 passing)').waitFor()
  })

  it('visits / by typing in Alice’s address bar, and the first step passes', async () => {
    await tabTo(page, ui.addressBar)
    await keyboard().type('/')
    await keyboard().press('Enter')
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 1 time' })
      .waitFor()
    await waitForChecksPassing(ui)
  })

  it('goes to the next step with Shift+Tab and Enter, and the step’s heading takes the focus', async () => {
    await tabTo(page, nextStepButton(), { backwards: true })
    await keyboard().press('Enter')
    const heading = ui.step.getByRole('heading', { name: 'Come back' })
    await heading.waitFor()
    await expect.poll(() => isFocused(heading), { timeout: STEP_TIMEOUT_MS }).toBe(true)
  })

  it('follows the link inside the shown page with Tab and Enter', async () => {
    await tabTo(page, ui.shownPage().getByRole('link', { name: 'Visit again' }))
    await keyboard().press('Enter')
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 2 times' })
      .waitFor()
    // As in a real browser, the new page has the focus: the next Tab is its link again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('bv-frame')), {
        timeout: STEP_TIMEOUT_MS,
      })
      .toBe(true)
    expect(await tabTo(page, ui.shownPage().getByRole('link', { name: 'Visit again' }))).toBe(1)
    await waitForChecksPassing(ui)
    await tabTo(page, nextStepButton(), { backwards: true })
    await keyboard().press('Space')
    await ui.step.getByRole('heading', { name: 'A second visitor' }).waitFor()
  })

  it('switches to Bob’s tab with the arrow keys and completes the lesson', async () => {
    await tabTo(page, ui.browserTab('Alice'))
    await keyboard().press('ArrowRight')
    await expect
      .poll(() => isFocused(ui.browserTab('Bob')), { timeout: STEP_TIMEOUT_MS })
      .toBe(true)
    await expect(ui.browserTab('Bob').getAttribute('aria-selected')).resolves.toBe('true')
    await tabTo(page, ui.addressBar)
    await keyboard().type('/')
    await keyboard().press('Enter')
    await ui
      .shownPage()
      .getByRole('heading', { name: 'You have visited this page 1 time' })
      .waitFor()
    await waitForChecksPassing(ui)
    await ui.lesson.getByRole('heading', { name: 'Well done: lesson complete!' }).waitFor()
  })

  it('announces requests, check results and the why-sentences through polite live regions', async () => {
    const networkNews = ui.networkPanel.locator('[aria-live="polite"]')
    await expect(networkNews.count()).resolves.toBe(1)
    await expect(networkNews.textContent()).resolves.toMatch(/^Bob: GET \/ → 200\b/)

    const checkNews = ui.step.locator('.lp-checks [aria-live="polite"]')
    await expect(checkNews.textContent()).resolves.toContain('the lesson is complete')

    // The console explains each request; every sentence sits inside its polite log.
    // (The Console is a hidden tab on a desktop: found by its class, not by role.)
    const why = page.locator('.panel.server-console .server-console__why li')
    await expect.poll(() => why.count(), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(0)
    const liveness = await why.evaluateAll((items) =>
      items.map((item) => {
        const region = item.closest('[aria-live]')
        return `${region?.getAttribute('role')}:${region?.getAttribute('aria-live')}`
      }),
    )
    expect(new Set(liveness)).toEqual(new Set(['log:polite']))
  })

  it('logs no errors to the page console', () => {
    expect(pageErrors).toEqual([])
  })
})
