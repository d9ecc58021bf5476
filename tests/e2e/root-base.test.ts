import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { logIn, openApp, ui, visit } from './support/ui'

/**
 * The site built for a host root (BASE_PATH=/: a user site `<user>.github.io`, a custom domain)
 * rather than the default sub-path: the service worker is registered at the root with the root
 * as its scope, and the playground works there as it does under /<repo>/.
 */
let outDir: string

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'playground-root-'))
  // The same build as `npm run build` (build/realm is already there), into a folder of its own.
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'],
    { env: { ...process.env, BASE_PATH: '/' }, encoding: 'utf8' },
  )
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`)
}, 60_000)

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

for (const engine of ENGINES) {
  describe(
    `the site built for a host root (BASE_PATH=/), in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver

      beforeAll(async () => {
        site = await startSite(engine, { root: outDir, base: '/' })
        browser = await launch(engine)
        await openApp(browser, site.url)
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
      })

      it('is served at the root, with the service worker scoped to it', async () => {
        expect(new URL(site.url).pathname).toBe('/')
        const scope = await browser.evaluate(
          async () => (await navigator.serviceWorker.ready).scope,
        )
        expect(scope).toBe(site.url)
      })

      it('answers the simulated browser, and the page’s form logs Alice in', async () => {
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', 'Welcome'))
        await logIn(browser, 'alice', 'wonderland')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
        expect(await browser.value(ui.addressBar)).toBe('http://session.test/dashboard')
        expect(await browser.takeErrors()).toEqual([])
      })
    },
  )
}
