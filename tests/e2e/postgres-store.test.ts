import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectPageErrors, newPage, openSite, type Site } from './support/chromium'
import { playground, screenshot, showPanel, visit, type Playground } from './support/playground'

/**
 * A server with connect-pg-simple, typed into the Server panel: its Postgres (PGlite) loads in
 * the server worker on demand, and the store inspector shows the session table's rows.
 */
const SERVER = `const express = require('express')
const session = require('express-session')
const pgSession = require('connect-pg-simple')(session)
const { Pool } = require('pg')
const pool = new Pool({ connectionString: 'postgres://localhost/playground' })
const app = express()
app.use(session({
  store: new pgSession({ pool, createTableIfMissing: true }),
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
  cookie: { maxAge: 60 * 60 * 1000 },
}))
app.get('/', (req, res) => {
  req.session.views = (req.session.views || 0) + 1
  res.send('<h1>Visit number ' + req.session.views + '</h1>')
})
app.listen(3000)
`

/** Loading the chunk and booting PGlite (initdb) takes seconds on a busy machine. */
const BOOT_MS = 90_000

let site: Site
let page: Page
let ui: Playground
let pageErrors: string[]

async function runServerCode(source: string): Promise<void> {
  await showPanel(page, 'Server')
  const editor = ui.serverPanel.getByRole('textbox', { name: 'server.js' })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(source)
  await ui.serverPanel.getByRole('button', { name: 'Run', exact: true }).click()
  await ui.serverPanel.getByText('Not running yet: press Run').waitFor({ state: 'detached' })
  await ui.serverPanel.getByText('Running', { exact: true }).waitFor({ timeout: BOOT_MS })
}

describe('connect-pg-simple in the browser', () => {
  beforeAll(async () => {
    site = await openSite()
    page = await newPage(site, { width: 1280, height: 800 })
    pageErrors = collectPageErrors(page)
    ui = playground(page)
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    await site?.close()
  })

  it(
    'keeps sessions in the Postgres table, across a restart, and the inspector lists them',
    async () => {
      await runServerCode(SERVER)
      await visit(ui, '/')
      await ui
        .shownPage()
        .getByRole('heading', { name: 'Visit number 1' })
        .waitFor({ timeout: BOOT_MS })
      await visit(ui, '/')
      await ui.shownPage().getByRole('heading', { name: 'Visit number 2' }).waitFor()
      await ui.serverPanel
        .getByRole('button', { name: /restart/i })
        .first()
        .click()
      await ui.serverPanel.getByText('Running', { exact: true }).waitFor({ timeout: BOOT_MS })
      await visit(ui, '/')
      await ui.shownPage().getByRole('heading', { name: 'Visit number 3' }).waitFor()
      await showPanel(page, 'Session store')
      await expect(ui.storePanel.textContent()).resolves.toMatch(/PGStore/)
      await expect(ui.storePanel.textContent()).resolves.toMatch(/views/)
      // Each store call lists the SQL it ran, with its parameters.
      await expect(ui.storePanel.textContent()).resolves.toMatch(/INSERT INTO "session"/)
      await expect(ui.storePanel.textContent()).resolves.toMatch(
        /SELECT sess FROM "session" WHERE sid = \$1/,
      )
      await screenshot(page, 'store-inspector-postgres-1280')
      await page.setViewportSize({ width: 390, height: 844 })
      await showPanel(page, 'Session store')
      await screenshot(page, 'store-inspector-postgres-390')
      expect(pageErrors).toEqual([])
    },
    4 * BOOT_MS,
  )
})
