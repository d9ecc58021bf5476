// @vitest-environment jsdom
/**
 * The whole playground on the same path a learner's requests take — a real fetch intercepted
 * by MSW (here msw/node), handed to the simulated server — with every panel rendered: the seed
 * login → dashboard → logout flow as Alice, checked in what each panel shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { createNodeServer } from '../../mocks/node'
import { sendSimRequest, type SendFunction } from '../../mocks/client'
import type { ServerTransport } from '../../mocks/server'
import { startPlaygroundWithServer, stopPlaygrounds } from '../support/playground-harness'
import { Playground } from '../../app/playground/playground'
import { PlaygroundProvider } from '../../app/playground/playground-context'
import { playgroundStore } from '../../app/state/store'
import { NetworkLog } from '../../app/features/network-log/NetworkLog'
import { CookieJarPanel } from '../../app/features/cookie-jar/CookieJarPanel'
import { StoreInspector } from '../../app/features/store-inspector/StoreInspector'
import { ServerConsole } from '../../app/features/server-console/ServerConsole'

let server: ServerTransport | undefined
const network = createNodeServer(() => {
  if (!server) throw new Error('a request arrived before the server started')
  return server
})
// Requests cross msw/node's interception of fetch, as they cross the service worker in a browser.
const throughMsw = (): SendFunction => (request) => sendSimRequest('http://localhost/', request)
let playground: Playground

// jsdom has no layout: give elements a height so the store's virtualized list renders rows.
const realClientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')

beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('store-inspector__scroller') ? 400 : 0
    },
  })
  network.listen({ onUnhandledFrame: 'error' })
  const started = await startPlaygroundWithServer({ send: throughMsw })
  playground = started.playground
  server = started.server
})

afterEach(() => cleanup())

afterAll(() => {
  if (realClientHeight)
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', realClientHeight)
  stopPlaygrounds()
  network.close()
})

function renderPanels() {
  render(
    <PlaygroundProvider playground={playground}>
      <CookieJarPanel />
      <NetworkLog />
      <StoreInspector />
      <ServerConsole />
    </PlaygroundProvider>,
  )
}

describe('the login flow as Alice, through MSW', () => {
  it('shows the cookie, the stored user, the Set-Cookie and the logout explanation', async () => {
    await playground.navigate(1, {
      url: '/login',
      method: 'POST',
      form: [
        ['username', 'alice'],
        ['password', 'wonderland'],
      ],
    })
    await playground.navigate(1, { url: '/dashboard' })
    expect(playgroundStore.getState().tabs[0]?.page?.body).toContain('Hello, alice')
    renderPanels()

    const cookieRow = screen
      .getAllByRole('row')
      .find((row) => row.textContent?.startsWith('connect.sid'))
    if (!cookieRow) throw new Error('no connect.sid row in the cookie jar')
    expect(cookieRow.textContent).toContain('session.test')
    // express-session's default cookie is HttpOnly; the jar's HttpOnly column must say so.
    expect(within(cookieRow).getByLabelText('HttpOnly: yes').textContent).toBe('✓')

    await waitFor(() => expect(document.body.textContent).toContain('user: "alice"'))
    expect(document.body.textContent).toContain("Alice's cookie")

    const exchangeRow = (pattern: RegExp) =>
      screen
        .getAllByRole('row')
        .find((row) => row.hasAttribute('data-exchange-id') && pattern.test(row.textContent ?? ''))
    expect(exchangeRow(/^#\d+POST ?\/login.*302/)?.textContent).toMatch(/connect\.sid.*stored/i)

    await playground.navigate(1, { url: '/logout', method: 'POST' })
    // The console groups each request's reasons under its own title, so the sentence found
    // here belongs to the logout and not to the login's regenerate().
    const logoutWhy = await screen.findByRole('list', {
      name: /^Why, for #\d+ POST \/logout → 302$/,
    })
    const destroyed = logoutWhy.querySelector('[data-code="session-destroyed"]')
    expect(destroyed?.textContent).toMatch(
      /^The route called req\.session\.destroy\(\): session \S+ was deleted from the store, but express-session sends no Set-Cookie for a destroyed session, so the browser keeps sending its stale connect\.sid cookie/,
    )
    const logoutRow = exchangeRow(/^#\d+POST ?\/logout.*302/)
    expect(logoutRow?.textContent).not.toMatch(/stored/i)
  })

  it('keeps the real document.cookie empty', () => {
    expect(document.cookie).toBe('')
  })
})
