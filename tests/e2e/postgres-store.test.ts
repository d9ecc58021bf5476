import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, launch, PHONE, startSite, type Driver, type Site } from './support/driver'
import { openApp, runServerCode, showPanel, ui, visit } from './support/ui'

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

for (const engine of ENGINES) {
  describe(`connect-pg-simple in ${engine}`, { timeout: 4 * BOOT_MS }, () => {
    let site: Site
    let browser: Driver

    beforeAll(async () => {
      site = await startSite(engine)
      browser = await launch(engine)
      await openApp(browser, site.url)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    it('keeps sessions in the Postgres table, across a restart, and the inspector lists them', async () => {
      await runServerCode(browser, SERVER, { timeout: BOOT_MS })
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Visit number 1'), { timeout: BOOT_MS })
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Visit number 2'))
      await showPanel(browser, 'Server')
      await browser.click(ui.serverPanel.role('button', /restart/i).first())
      await browser.waitFor(ui.serverPanel.text('Running', true), { timeout: BOOT_MS })
      await visit(browser, '/')
      await browser.waitFor(ui.shownPage.role('heading', 'Visit number 3'))
      await showPanel(browser, 'Session store')
      // The panel reads the store a moment after the response: wait for what it shows.
      await browser.waitFor(ui.storePanel.text('PGStore'))
      await browser.waitFor(ui.storePanel.text(/views/))
      // Each store call lists the SQL it ran, with its parameters.
      const store = await browser.text(ui.storePanel)
      expect(store).toMatch(/INSERT INTO "session"/)
      expect(store).toMatch(/SELECT sess FROM "session" WHERE sid = \$1/)
      await browser.screenshot('store-inspector-postgres')
      await browser.setViewport(PHONE)
      await showPanel(browser, 'Session store')
      await browser.screenshot('store-inspector-postgres')
      expect(await browser.takeErrors()).toEqual([])
    })
  })
}
