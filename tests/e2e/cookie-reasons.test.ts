import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { collectPageErrors, newContext, openSite, type Site } from './support/chromium'
import {
  expectStepPassedAndGreen,
  playground,
  screenshot,
  showPanel,
  visit,
  type Playground,
} from './support/playground'

/**
 * DevTools' reasons in the panels, in the built site. Lesson 11's first two steps done as its
 * text says, without "Do it for me": log in with the form on `/`, follow a cross-site link,
 * move the clock past Chrome's two-minute window, send the forged form; the panels then name
 * the withheld cookie as DevTools does. Then a server of our own sets a cookie for another path
 * and a SameSite=None cookie without Secure: a refused line, and a filtered-out request cookie
 * behind its switch. Screenshots at a desktop and a phone size land in screenshots/.
 */

let site: Site

beforeAll(async () => {
  site = await openSite()
}, 60_000)

afterAll(async () => {
  await site?.close()
})

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const

describe.each(SIZES)('lesson 11 by hand, on a $name', ({ name, viewport }) => {
  let context: BrowserContext
  let ui: Playground
  const errors: string[] = []

  beforeAll(async () => {
    context = await newContext(site, viewport)
    const page = await context.newPage()
    collectPageErrors(page, errors)
    ui = playground(page)
    await page.goto(`${site.url}#/lessons/11-samesite`)
    await ui.step.getByRole('heading', { name: 'Follow a link from another site' }).waitFor()
    await ui.step.getByText(/^Checks \(\d+ of \d+ passing\)$/).waitFor()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
  })

  it('logs Alice in with the form on /, and a cross-site link keeps her logged in', async () => {
    await showPanel(ui.page, 'Browser')
    await ui.browserTab('Alice').click()
    await visit(ui, '/')
    const form = ui.shownPage()
    await form.getByLabel('Username').fill('alice')
    await form.getByLabel('Password').fill('wonderland')
    await form.getByRole('button', { name: 'Log in' }).click()
    await form.getByRole('heading', { name: 'Hello, alice' }).waitFor()
    await ui.browserPanel
      .getByRole('switch', { name: 'Request comes from another site (cross-site)' })
      .click()
    await visit(ui, '/dashboard')
    await form.getByRole('heading', { name: 'Hello, alice' }).waitFor()
    await showPanel(ui.page, 'Lesson')
    await expectStepPassedAndGreen(ui)
  })

  it('withholds her cookie from the forged POST once the clock is 3 minutes on, and says why', async () => {
    await ui.step.getByRole('button', { name: 'Next step →' }).click()
    await ui.step.getByRole('heading', { name: 'A forged form from another site' }).waitFor()
    await ui.page.getByLabel('Fast-forward by').fill('3m')
    await ui.page.getByRole('button', { name: 'Go', exact: true }).click()
    await showPanel(ui.page, 'Browser')
    const form = ui.shownPage()
    await form.getByLabel('To').fill('mallory')
    await form.getByLabel('Amount').fill('100')
    await form.getByRole('button', { name: 'Send money' }).click()
    await form.getByRole('heading', { name: 'Log in first' }).waitFor()

    await showPanel(ui.page, 'Cookies')
    const blocked = ui.cookiePanel.getByRole('region', { name: 'Blocked in the latest navigation' })
    await blocked.getByText('SchemefulSameSiteUnspecifiedTreatedAsLax').waitFor()
    await blocked.scrollIntoViewIfNeeded()
    await expect(blocked.textContent()).resolves.toContain('No SameSite attribute')
    await screenshot(ui.page, `samesite-${name}-cookies`)

    await showPanel(ui.page, 'Network')
    await ui.networkPanel.getByRole('row').filter({ hasText: '/transfer' }).last().click()
    const details = ui.networkPanel.getByRole('region', { name: /POST \/transfer/ })
    await details.getByText('SchemefulSameSiteUnspecifiedTreatedAsLax').waitFor()
    await details.getByRole('heading', { name: 'Cookies withheld' }).scrollIntoViewIfNeeded()
    await screenshot(ui.page, `samesite-${name}-network`)

    await showPanel(ui.page, 'Lesson')
    await expectStepPassedAndGreen(ui)
    expect(errors).toEqual([])
  })
})

const SERVER = `const express = require('express')
const app = express()
app.get('/', (req, res) => {
  res.cookie('admin', 'yes', { path: '/admin' })
  res.cookie('theme', 'dark', { sameSite: 'none' })
  res.send('<h1>Home</h1>')
})
app.listen(3000)`

describe.each(SIZES)('blocked cookies with their reasons, on a $name', ({ name, viewport }) => {
  let context: BrowserContext
  let ui: Playground
  const errors: string[] = []

  beforeAll(async () => {
    context = await newContext(site, viewport)
    const page = await context.newPage()
    collectPageErrors(page, errors)
    ui = playground(page)
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
    await showPanel(page, 'Server')
    await ui.serverPanel.getByRole('textbox', { name: 'server.js' }).click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(SERVER)
    await ui.serverPanel.getByRole('button', { name: 'Run', exact: true }).click()
    await ui.serverPanel.getByText('Not running yet: press Run').waitFor({ state: 'detached' })
    await ui.serverPanel.getByText('Running', { exact: true }).waitFor()
    await showPanel(page, 'Browser')
    await visit(ui, '/')
    await ui.shownPage().getByRole('heading', { name: 'Home' }).waitFor()
    await visit(ui, '/')
  }, 60_000)

  afterAll(async () => {
    await context?.close()
  })

  it('lists the refused line at once, and the other path’s cookie behind the switch', async () => {
    await showPanel(ui.page, 'Cookies')
    const blocked = ui.cookiePanel.getByRole('region', { name: 'Blocked in the latest navigation' })
    await blocked.getByText('SameSiteNoneInsecure').waitFor()
    await expect(blocked.getByText('NotOnPath').count()).resolves.toBe(0)
    await blocked.getByLabel(/Show filtered-out request cookies \(1/).check()
    await blocked.getByText('NotOnPath').waitFor()
    await blocked.scrollIntoViewIfNeeded()
    await screenshot(ui.page, `reasons-${name}-cookies`)
  })

  it('shows the same in the network log’s details', async () => {
    await showPanel(ui.page, 'Network')
    await ui.networkPanel.getByRole('row').filter({ hasText: 'theme' }).last().click()
    const details = ui.networkPanel.getByRole('region', { name: /GET \// })
    await details.getByLabel(/Show filtered-out request cookies/).check()
    const withheld = details.getByRole('listitem').filter({ hasText: 'NotOnPath' })
    await expect(withheld.textContent()).resolves.toMatch(/^admin NotOnPath The request’s path/)
    await withheld.scrollIntoViewIfNeeded()
    await screenshot(ui.page, `reasons-${name}-network`)
    expect(errors).toEqual([])
  })
})
