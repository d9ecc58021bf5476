import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT_MS,
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
} from './support/driver'
import { openApp, runServerCode, ui, visit } from './support/ui'
import { startLoopbackListener, type LoopbackListener } from './support/loopback-listener'

/**
 * Pages and redirects that try to leave the simulated network, and what the learner sees. A
 * loopback listener of the test's own stands for the real network: every page below points at
 * it, and it must hear nothing at all, not even a connection. Cases and outcomes are listed in
 * tests/hostile-input/README.md.
 */

function serverSource(real: string): string {
  return `const express = require('express')
const app = express()
const REAL = '${real}'
app.get('/', (req, res) => res.send('<h1>Home</h1><a href="/dashboard">Dashboard</a>'))
app.get('/dashboard', (req, res) => res.send('<h1>Dashboard</h1>'))
app.get('/subresources', (req, res) => res.send(\`<!doctype html>
<meta http-equiv="refresh" content="0; url=\${REAL}/refresh">
<base href="\${REAL}/base/">
<link rel="preconnect" href="\${REAL}">
<link rel="prefetch" href="\${REAL}/prefetch">
<link rel="stylesheet" href="\${REAL}/style.css">
<style>
  @import url('\${REAL}/import.css');
  @font-face { font-family: f; src: url('\${REAL}/font.woff2'); }
  body { background: url('\${REAL}/background.png'); font-family: f; }
</style>
<h1>Subresources</h1>
<img id="absolute" src="\${REAL}/image.png" alt="absolute">
<img id="relative" src="relative.png" alt="relative">
<img id="site" src="/site.png" alt="site">
<img srcset="\${REAL}/srcset.png 2x" alt="srcset">
<svg width="10" height="10"><image href="\${REAL}/svg-image.png" width="10" height="10"/></svg>
<video src="\${REAL}/video.mp4" poster="\${REAL}/poster.png"></video>
<audio src="\${REAL}/audio.mp3"></audio>
<object data="\${REAL}/object"></object>
<embed src="\${REAL}/embed">
<input type="image" src="\${REAL}/input.png" alt="input">
<iframe src="\${REAL}/frame"></iframe>
<iframe srcdoc="<img src='\${REAL}/nested.png'><a href='\${REAL}/nested'>nested</a>"></iframe>
<a href="/dashboard" ping="\${REAL}/ping">Pinged link</a>\`))
app.get('/links', (req, res) => res.send(\`<h1>Links</h1>
<p><a href="\${REAL}/absolute">Absolute link</a></p>
<p><a href="//127.0.0.1:\${REAL.split(':')[2]}/relative">Scheme-relative link</a></p>
<p><a href="\${REAL}/top" target="_top">Top link</a></p>
<p><a href="/dashboard" target="_blank">Blank link</a></p>
<p><a href="/dashboard">Plain link</a></p>
<svg width="200" height="24"><a xlink:href="\${REAL}/svg"><text x="0" y="16">SVG link</text></a></svg>
<form action="\${REAL}/form" method="post"><button name="go" value="1">Outside form</button></form>
<form action="/dashboard" target="_top"><button>Top form</button></form>\`))
app.get('/to-real', (req, res) => res.redirect(REAL + '/redirected'))
app.get('/to-javascript', (req, res) => res.redirect('javascript:alert(document.cookie)'))
app.get('/to-data', (req, res) => res.redirect('data:text/html,<h1>data</h1>'))
// An ETag of its own: hashing 50 MB in the server worker would race the request timeout.
app.get('/huge', (req, res) =>
  res.set('ETag', '"huge"').type('html').send(Buffer.alloc(50 * 1024 * 1024, 'x')),
)
module.exports = app
`
}

const unreachable = (host: string) =>
  ui.browserPanel.role('alert').filter(`${host}’s server IP address could not be found.`)

for (const engine of ENGINES) {
  describe(
    `pages that try to leave the simulated network, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site
      let browser: Driver
      let listener: LoopbackListener
      let real: string

      beforeAll(async () => {
        listener = await startLoopbackListener()
        real = `http://127.0.0.1:${listener.port}`
        site = await startSite(engine)
        browser = await launch(engine)
        await openApp(browser, site.url)
        await runServerCode(browser, serverSource(real))
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
        await site?.close()
        await listener?.close()
      })

      /** The app still answers: the address bar takes the learner home. */
      async function stillResponsive() {
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', 'Home'))
      }

      it('blocks every subresource of a served page, and its refresh, base and hints', async () => {
        await visit(browser, '/subresources')
        await browser.waitFor(ui.shownPage.role('heading', 'Subresources'))
        // Each image has settled (a blocked image is complete, and broken).
        await browser.waitUntil(
          () =>
            browser.evaluate(() => {
              const frame = document.querySelector<HTMLIFrameElement>('iframe[title^="Page at "]')
              const images = [...(frame?.contentDocument?.images ?? [])]
              return images.length === 4 && images.every((image) => image.complete)
            }),
          true,
          'the page’s images to settle',
        )
        const broken = await browser.evaluate(() => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe[title^="Page at "]')
          return [...(frame?.contentDocument?.images ?? [])].map((image) => image.naturalWidth)
        })
        expect(broken).toEqual([0, 0, 0, 0])
        expect(listener.heard).toEqual([])
        await stillResponsive()
      })

      it.each([
        ['//127.0.0.1:PORT/x', '127.0.0.1'],
        ['\\\\127.0.0.1:PORT\\x', '127.0.0.1'],
        ['http://127.0.0.1:PORT/', '127.0.0.1'],
        ['https://example.com/elsewhere', 'example.com'],
      ])('answers the address %j with “This site can’t be reached”', async (address, host) => {
        await visit(browser, address.replace('PORT', String(listener.port)))
        await browser.waitFor(unreachable(host))
        await browser.waitFor(ui.browserPanel.text('DNS_PROBE_FINISHED_NXDOMAIN'))
        expect(listener.heard).toEqual([])
        await stillResponsive()
      })

      it('stops a redirect to the real network at the name lookup', async () => {
        await visit(browser, '/to-real')
        await browser.waitFor(unreachable('127.0.0.1'))
        expect(listener.heard).toEqual([])
        await stillResponsive()
      })

      it.each(['/to-javascript', '/to-data'])(
        'refuses the redirect of %s as Chromium does, on the page and in the network log',
        async (path) => {
          await visit(browser, path)
          await browser.waitFor(ui.browserPanel.role('alert').filter('ERR_UNSAFE_REDIRECT'))
          await browser.waitFor(ui.networkPanel.text('ERR_UNSAFE_REDIRECT').first())
          expect(await browser.evaluate(() => document.title)).toMatch(/Session Playground/)
          await stillResponsive()
        },
      )

      it.each([
        ['Absolute link', '127.0.0.1'],
        ['Scheme-relative link', '127.0.0.1'],
        ['Top link', '127.0.0.1'],
        ['SVG link', '127.0.0.1'],
        ['Outside form', '127.0.0.1'],
      ])('follows the %s only as far as the simulated network', async (name, host) => {
        await visit(browser, '/links')
        await browser.waitFor(ui.shownPage.role('heading', 'Links'))
        const target =
          name === 'Outside form'
            ? ui.shownPage.role('button', name)
            : name === 'SVG link'
              ? ui.shownPage.text('SVG link')
              : ui.shownPage.role('link', name)
        await browser.click(target)
        await browser.waitFor(unreachable(host))
        expect(listener.heard).toEqual([])
        await stillResponsive()
      })

      it('follows a form with target=_top in the same tab', async () => {
        await visit(browser, '/links')
        await browser.click(ui.shownPage.role('button', 'Top form'))
        await browser.waitFor(ui.shownPage.role('heading', 'Dashboard'))
        expect(await browser.value(ui.addressBar)).toMatch(/^http:\/\/session\.test\/dashboard\??$/)
      })

      it('opens a new simulated tab for target=_blank', async () => {
        const tabs = ui.browserPanel.role('tab')
        const before = await browser.count(tabs)
        await visit(browser, '/links')
        await browser.waitFor(ui.shownPage.role('heading', 'Links'))
        await browser.click(ui.shownPage.role('link', 'Blank link'))
        await browser.waitUntil(() => browser.count(tabs), before + 1, 'a new tab in the strip')
        await browser.waitFor(ui.shownPage.role('heading', 'Dashboard'))
        expect(await browser.value(ui.addressBar)).toBe('http://session.test/dashboard')
        await stillResponsive()
      })

      // WebKit runs no listener in the frame, so the app cannot tell which button or key opened
      // the link: the frame loads the frame-navigation file, and the link opens in its own tab.
      it.each([
        ['a middle click', { button: 'middle' as const }],
        ['a Ctrl-click', { modifiers: ['Control'] }],
        ['a Shift-click', { modifiers: ['Shift'] }],
      ])(
        `opens ${engine === 'webkit' ? 'in the same tab' : 'a new simulated tab'} for %s`,
        async (_, options) => {
          const tabs = ui.browserPanel.role('tab')
          const before = await browser.count(tabs)
          await visit(browser, '/links')
          await browser.waitFor(ui.shownPage.role('heading', 'Links'))
          await browser.click(ui.shownPage.role('link', 'Plain link'), options)
          await browser.waitFor(ui.shownPage.role('heading', 'Dashboard'))
          expect(await browser.count(tabs)).toBe(engine === 'webkit' ? before : before + 1)
          expect(await browser.value(ui.addressBar)).toBe('http://session.test/dashboard')
          // The real browser opened nothing: the app is still its page, and responsive.
          expect(await browser.evaluate(() => location.pathname)).toBe('/session-playground/')
          await stillResponsive()
        },
      )

      it(
        'cuts a 50 MB body for display, keeps its status, and stays responsive',
        async () => {
          await visit(browser, '/huge')
          await browser.waitFor(
            ui.browserPanel.text('The body is 50 MB; the browser keeps and shows its first 1 MB.'),
            { timeout: 60_000 },
          )
          await browser.waitFor(ui.browserPanel.text('200 OK'))
          await browser.click(ui.networkPanel.role('row').filter('/huge').last())
          await browser.waitFor(
            ui.networkPanel.text('The body is 50 MB; the browser keeps and shows its first 1 MB.'),
          )
          await stillResponsive()
        },
        BROWSER_TEST_TIMEOUT_MS * 2,
      )

      it('heard nothing on the real network in the whole run', async () => {
        // One more round trip after everything above, for anything late.
        await stillResponsive()
        expect(listener.heard).toEqual([])
      })
    },
  )
}
