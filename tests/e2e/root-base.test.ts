import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectPageErrors, newPage, openSite, type Site } from './support/chromium'
import { playground, visit } from './support/playground'

/**
 * The site built for a host root (BASE_PATH=/: a user site `<user>.github.io`, a custom domain)
 * rather than the default sub-path: the service worker is registered at the root with the root
 * as its scope, and the playground works there as it does under /<repo>/.
 */
let outDir: string
let site: Site
let page: Page
let pageErrors: string[]

describe('the site built for a host root (BASE_PATH=/)', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'playground-root-'))
    // The same build as `npm run build` (build/realm is already there), into a folder of its own.
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'],
      { env: { ...process.env, BASE_PATH: '/' }, encoding: 'utf8' },
    )
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`)
    site = await openSite({ root: outDir, base: '/' })
    page = await newPage(site)
    pageErrors = collectPageErrors(page)
    await page.goto(site.url)
    await page.getByRole('heading', { name: 'Session Playground' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    await site?.close()
    if (outDir) rmSync(outDir, { recursive: true, force: true })
  })

  it('is served at the root, with the service worker scoped to it', async () => {
    expect(new URL(site.url).pathname).toBe('/')
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(site.url)
  })

  it('answers the simulated browser through the service worker', async () => {
    const ui = playground(page)
    await visit(ui, '/')
    await ui.shownPage().getByRole('heading', { name: 'Welcome' }).waitFor()
    expect(pageErrors).toEqual([])
  })
})
