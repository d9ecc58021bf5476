import { readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT_MS,
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
} from '../driver'
import { openApp } from '../ui'

/** What Firefox logs when a page is left while a fetch of its passes the service worker. */
const leavingPageAbort = (url: string) =>
  `Failed to load ‘${url}’. A ServiceWorker intercepted the request and encountered an unexpected error.`

/**
 * The site behind a loopback proxy that cuts the connection of any request whose query says
 * `broken`: a load that fails in the page itself, as a dropped network would fail it.
 */
async function startBreakingProxy(site: Site): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(site.url)
  const server = createServer((incoming, outgoing) => {
    if (incoming.url?.includes('?broken')) return void incoming.socket.destroy()
    void fetch(new URL(incoming.url ?? '/', target.origin)).then(
      async (answer) => {
        const headers = new Headers(answer.headers)
        // fetch has already decoded the body.
        headers.delete('content-encoding')
        headers.delete('content-length')
        outgoing.writeHead(answer.status, Object.fromEntries(headers))
        outgoing.end(Buffer.from(await answer.arrayBuffer()))
      },
      () => outgoing.destroy(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe.runIf(ENGINES.includes('firefox'))(
  'the Firefox driver’s page errors',
  { timeout: BROWSER_TEST_TIMEOUT_MS },
  () => {
    let site: Site
    let proxy: Awaited<ReturnType<typeof startBreakingProxy>>
    let browser: Driver
    let chunkUrl: string

    beforeAll(async () => {
      site = await startSite('firefox')
      proxy = await startBreakingProxy(site)
      browser = await launch('firefox')
      await openApp(browser, proxy.url)
      const chunk = readdirSync('dist/assets').find((name) => /^SessionList-.*\.js$/.test(name))
      chunkUrl = `${proxy.url}assets/${chunk}`
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await proxy?.close()
      await site?.close()
    })

    const log = (text: string) => browser.evaluate((line: string) => console.error(line), text)
    const load = (url: string) =>
      browser.evaluate(
        (file: string) =>
          fetch(file).then(
            (answer) => (answer.ok ? 'loaded' : 'failed'),
            () => 'failed',
          ),
        url,
      )

    it('does not count a left page’s abort of a file the shown page has not asked for, or got', async () => {
      await log(leavingPageAbort(chunkUrl))
      expect(await load(chunkUrl)).toBe('loaded')
      await log(leavingPageAbort(chunkUrl))
      expect(await browser.takeErrors()).toEqual([])
    })

    it('counts the abort when the shown page’s own load of that file failed, and every other error', async () => {
      const broken = `${chunkUrl}?broken`
      expect(await load(broken)).toBe('failed')
      await log(leavingPageAbort(broken))
      await log('something else went wrong')
      const errors = await browser.takeErrors()
      expect(errors).toContain(leavingPageAbort(broken))
      expect(errors).toContain('something else went wrong')
    })
  },
)
