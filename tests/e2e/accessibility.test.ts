import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { describeViolations, seriousViolations } from './support/axe'
import { collectPageErrors, newPage, openSite, type Site } from './support/chromium'
import { playground, showPanel, visit, type PanelName, type Playground } from './support/playground'

let site: Site
let page: Page
let ui: Playground
let pageErrors: string[]

/** Each panel's own section, by the class its feature gives it. */
const PANEL_SELECTORS: Record<PanelName, string> = {
  Browser: '.panel.browser-view',
  Cookies: '.panel.cookie-jar',
  Network: '.panel.network-log',
  'Session store': '.panel.store-inspector',
  Console: '.panel.server-console',
  Server: '.panel.server-controls',
}

async function expectNoSeriousViolations(selector?: string): Promise<void> {
  expect(describeViolations(await seriousViolations(page, selector))).toBe('')
}

/** Requests enough for every panel to have rows, details and explanations to show. */
async function useThePlayground(): Promise<void> {
  await visit(ui, '/')
  await ui.shownPage().getByRole('link', { name: 'Visit again' }).click()
  await ui
    .shownPage()
    .getByRole('heading', { name: /visited this page 2 times/ })
    .waitFor()
  await ui.browserTab('Bob').click()
  await visit(ui, '/')
  await ui
    .shownPage()
    .getByRole('heading', { name: /visited this page 1 time/ })
    .waitFor()
  await ui.browserTab('Alice').click()
  // A selected request shows its headers and the reasons behind it.
  await ui.networkPanel.getByRole('row').filter({ hasText: '#2' }).click()
  await ui.networkPanel.getByRole('heading', { name: 'Why' }).waitFor()
}

describe('accessibility of the built site (axe-core: no serious or critical violations)', () => {
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

  it('has none on the lesson list', async () => {
    await expectNoSeriousViolations()
  })

  it('has none on a lesson page', async () => {
    await ui.lesson.getByRole('link', { name: 'Your first session' }).click()
    await ui.step.getByText('Checks (0 of 3 passing)').waitFor()
    await expectNoSeriousViolations()
  })

  it('has none on the whole page once the playground has been used', async () => {
    await useThePlayground()
    await ui.step.getByText(/✓ completed/).waitFor()
    await expectNoSeriousViolations()
  })

  for (const name of Object.keys(PANEL_SELECTORS) as PanelName[]) {
    it(`has none in the ${name} panel, with content in it`, async () => {
      await showPanel(page, name)
      const panel = page.locator(PANEL_SELECTORS[name])
      await panel.waitFor()
      if (name === 'Session store') {
        await panel.getByText('2 sessions').waitFor()
        // An expanded session shows its data as a tree.
        await panel.locator('.session-row__toggle').first().click()
        await panel.getByRole('button', { expanded: true }).first().waitFor()
      }
      if (name === 'Console') await panel.locator('.server-console__why').first().waitFor()
      if (name === 'Server') await panel.locator('.cm-editor').waitFor({ timeout: 10_000 })
      if (name === 'Cookies')
        await panel.getByRole('row').filter({ hasText: 'connect.sid' }).waitFor()
      await expectNoSeriousViolations(PANEL_SELECTORS[name])
    })
  }

  it('has none on a phone, with the lesson and with a panel shown', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    // The layout turns into tabs once React hears of the new width.
    await page.locator('.layout-phone').waitFor()
    await showPanel(page, 'Lesson')
    await ui.step.waitFor()
    await expectNoSeriousViolations()
    await showPanel(page, 'Cookies')
    await expectNoSeriousViolations()
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('logs no errors to the page console', () => {
    expect(pageErrors).toEqual([])
  })
})
