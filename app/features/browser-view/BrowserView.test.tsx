// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { playgroundStore } from '../../state/store'
import { BrowserView } from './BrowserView'
import {
  aliceLogin,
  loginServerSource,
  startAndRender,
  stopPlaygrounds,
} from '../../../tests/support/playground-harness'

afterEach(() => {
  cleanup()
  stopPlaygrounds()
})

const shapesServer = `
const express = require('express')
const app = express()
app.get('/json', (req, res) => res.json({ user: 'alice', views: 2 }))
app.get('/text', (req, res) => res.type('text').send('plain words'))
app.get('/empty', (req, res) => res.status(204).end())
app.get('/loop', (req, res) => res.redirect('/loop'))
app.listen(3000)
`

async function go(address: string) {
  const bar = screen.getByRole('textbox', { name: 'Address' })
  await userEvent.clear(bar)
  await userEvent.type(bar, `${address}{Enter}`)
}

/** The frame showing the page; waits until its document holds `text`. */
async function pageFrame(text: string): Promise<HTMLIFrameElement> {
  return waitFor(() => {
    const frame = screen.getByTitle(/^Page at /) as HTMLIFrameElement
    expect(frame.contentDocument?.documentElement.outerHTML).toContain(text)
    return frame
  })
}

/** The page's document, as the learner's clicks reach it. */
function loadFrame(frame: HTMLIFrameElement): Document {
  const page = frame.contentDocument
  if (!page) throw new Error('the frame has no document')
  return page
}

function activeTab() {
  return screen.getByRole('tab', { selected: true })
}

describe('BrowserView', () => {
  describe('before the first navigation', () => {
    it('invites the learner to type a path, with back, forward and reload disabled', async () => {
      await startAndRender(<BrowserView />)
      expect(screen.getByText(/Type a path in the address bar and press Enter/)).toBeTruthy()
      for (const name of ['Back', 'Forward', 'Reload'])
        expect(screen.getByRole('button', { name }).hasAttribute('disabled')).toBe(true)
      expect(within(activeTab()).getByText('Alice')).toBeTruthy()
      expect(within(activeTab()).getByText('New tab')).toBeTruthy()
    })
  })

  describe('the address bar', () => {
    it('navigates to a typed path and shows the full URL and the page title', async () => {
      await startAndRender(<BrowserView />)
      await go('/')
      const frame = await pageFrame('<h1>Welcome</h1>')
      expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-forms')
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Address' }).value).toBe(
        'http://session.test/',
      )
      expect(within(activeTab()).getByText('Welcome')).toBeTruthy()
      expect(screen.getByText('200 OK')).toBeTruthy()
      expect(screen.getByText('Not secure')).toBeTruthy()
    })

    it.each(['http://example.com/', '//example.com/', '\\\\example.com\\'])(
      'answers %j with the page Chrome shows for a host that does not resolve',
      async (address) => {
        await startAndRender(<BrowserView />)
        await go(address)
        const alert = await screen.findByRole('alert')
        expect(alert.textContent).toContain('This site can’t be reached')
        expect(alert.textContent).toContain('example.com’s server IP address could not be found.')
        expect(alert.textContent).toContain('DNS_PROBE_FINISHED_NXDOMAIN')
        // Logged as failed, never sent: the server answered no request.
        expect(
          playgroundStore
            .getState()
            .exchanges.map((exchange) => [exchange.requestId, exchange.error?.code]),
        ).toEqual([[undefined, 'ERR_NAME_NOT_RESOLVED']])
      },
    )

    it('switches the profile to https when the learner types an https URL', async () => {
      await startAndRender(<BrowserView />)
      await go('https://session.test/')
      await pageFrame('Welcome')
      expect(screen.getByRole<HTMLInputElement>('switch', { name: 'https' }).checked).toBe(true)
      expect(playgroundStore.getState().exchanges[0]?.url).toBe('https://session.test/')
    })
  })

  describe('the page frame', () => {
    it('logs Alice in when the login form inside the page is submitted', async () => {
      await startAndRender(<BrowserView />)
      await go('/')
      const page = loadFrame(await pageFrame('Welcome'))
      page.querySelector<HTMLInputElement>('input[name=username]')!.value = 'alice'
      page.querySelector<HTMLInputElement>('input[name=password]')!.value = 'wonderland'
      page.querySelector('form')!.requestSubmit(page.querySelector('button'))

      await pageFrame('Hello, alice')
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Address' }).value).toBe(
        'http://session.test/dashboard',
      )
      const [, post] = playgroundStore.getState().exchanges
      expect(post).toMatchObject({
        method: 'POST',
        url: 'http://session.test/login',
        requestBody: 'username=alice&password=wonderland',
      })
    })

    it('follows a link against the simulated page URL, not the app’s', async () => {
      await startAndRender(<BrowserView />)
      await go('/')
      const page = loadFrame(await pageFrame('Welcome'))
      page.querySelector<HTMLInputElement>('input[name=password]')!.value = 'nope'
      page.querySelector('form')!.requestSubmit()
      const failed = loadFrame(await pageFrame('Wrong username or password'))
      expect(screen.getByText('401 Unauthorized')).toBeTruthy()

      const click = new MouseEvent('click', { bubbles: true, cancelable: true })
      failed.querySelector('a')!.dispatchEvent(click)
      expect(click.defaultPrevented).toBe(true)
      await waitFor(() =>
        expect(playgroundStore.getState().exchanges.at(-1)?.url).toBe('http://session.test/'),
      )
      await pageFrame('Welcome')
    })

    it('renders JSON pretty-printed and text in a pre', async () => {
      await startAndRender(<BrowserView />, shapesServer)
      await go('/json')
      expect((await screen.findByLabelText('JSON response')).textContent).toBe(
        '{\n  "user": "alice",\n  "views": 2\n}',
      )
      await go('/text')
      expect((await screen.findByLabelText('Text response')).textContent).toBe('plain words')
    })

    it('says the response was empty, with its status', async () => {
      await startAndRender(<BrowserView />, shapesServer)
      await go('/empty')
      expect(await screen.findByText('Empty response — 204 No Content')).toBeTruthy()
    })

    it('shows Chrome’s error page when redirects loop', async () => {
      await startAndRender(<BrowserView />, shapesServer)
      await go('/loop')
      const error = await screen.findByRole('alert')
      expect(within(error).getByRole('heading').textContent).toBe('This page isn’t working')
      expect(error.textContent).toMatch(/redirected you too many times/)
      expect(error.textContent).toMatch(/ERR_TOO_MANY_REDIRECTS/)
    })

    it('shows Chrome’s error page when the server is not running', async () => {
      await startAndRender(<BrowserView />, 'this is not javascript(')
      await go('/')
      const error = await screen.findByRole('alert')
      expect(within(error).getByRole('heading').textContent).toBe('This site can’t be reached')
      expect(error.textContent).toMatch(/ERR_CONNECTION_REFUSED/)
      expect(error.textContent).toMatch(/failed to start/)
    })
  })

  describe('history', () => {
    it('goes back and forward between visited pages', async () => {
      await startAndRender(<BrowserView />, shapesServer)
      await go('/json')
      await screen.findByLabelText('JSON response')
      await go('/text')
      await screen.findByLabelText('Text response')
      expect(screen.getByRole('button', { name: 'Forward' }).hasAttribute('disabled')).toBe(true)

      await userEvent.click(screen.getByRole('button', { name: 'Back' }))
      await screen.findByLabelText('JSON response')
      expect(screen.getByRole('button', { name: 'Back' }).hasAttribute('disabled')).toBe(true)

      await userEvent.click(screen.getByRole('button', { name: 'Forward' }))
      await screen.findByLabelText('Text response')
    })

    it('reloads over https once the https switch is on', async () => {
      await startAndRender(<BrowserView />)
      await go('/')
      await pageFrame('Welcome')
      await userEvent.click(screen.getByRole('switch', { name: 'https' }))
      await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
      await waitFor(() =>
        expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Address' }).value).toBe(
          'https://session.test/',
        ),
      )
      expect(screen.getByTitle('Connection is https')).toBeTruthy()
    })
  })

  describe('connection switches', () => {
    it('sets the active profile’s proxy and cross-site settings from labelled switches', async () => {
      await startAndRender(<BrowserView />)
      await userEvent.click(
        screen.getByRole('switch', { name: 'Behind a proxy (adds X-Forwarded-Proto)' }),
      )
      await userEvent.click(
        screen.getByRole('switch', { name: 'Request comes from another site (cross-site)' }),
      )
      expect(playgroundStore.getState().profiles.Alice.settings).toEqual({
        scheme: 'http',
        behindProxy: true,
        crossSite: true,
      })
      expect(playgroundStore.getState().profiles.Bob.settings.crossSite).toBe(false)
      const proxy = screen.getByRole('switch', { name: 'Behind a proxy (adds X-Forwarded-Proto)' })
      const description = document.getElementById(proxy.getAttribute('aria-describedby') ?? '')
      expect(description?.textContent).toMatch(/server itself sees plain http/)
    })
  })

  describe('tabs', () => {
    it('shows each tab’s profile and switches to the tab the learner picks', async () => {
      await startAndRender(<BrowserView />)
      const tabs = screen.getAllByRole('tab')
      expect(tabs.map((tab) => tab.textContent)).toEqual([
        'AliceNew tab',
        'BobNew tab',
        'AttackerNew tab',
      ])
      await userEvent.click(tabs[2]!)
      expect(within(activeTab()).getByText('Attacker')).toBeTruthy()
      expect(screen.getByRole('group', { name: 'Attacker’s next requests:' })).toBeTruthy()
    })

    it('opens a new tab for a profile with "+", which shares the profile’s cookies', async () => {
      const { playground } = await startAndRender(<BrowserView />)
      await playground.navigate(1, {
        url: '/login',
        method: 'POST',
        form: [
          ['username', 'alice'],
          ['password', 'wonderland'],
        ],
      })
      await userEvent.click(screen.getByRole('button', { name: 'Open a new tab' }))
      await userEvent.click(screen.getByRole('button', { name: 'New tab for Alice' }))
      expect(screen.getAllByRole('tab')).toHaveLength(4)
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Address' }))

      await go('/dashboard')
      await pageFrame('Hello, alice')
    })

    it('closes the new-tab menu on Escape and returns focus to "+"', async () => {
      await startAndRender(<BrowserView />)
      const plus = screen.getByRole('button', { name: 'Open a new tab' })
      await userEvent.click(plus)
      expect(screen.getByRole('group', { name: 'New tab for' })).toBeTruthy()
      await userEvent.keyboard('{Escape}')
      expect(screen.queryByRole('group', { name: 'New tab for' })).toBeNull()
      expect(plus.getAttribute('aria-expanded')).toBe('false')
      expect(document.activeElement).toBe(plus)
    })

    it('closes a tab, but never the last one', async () => {
      await startAndRender(<BrowserView />)
      await userEvent.click(screen.getByRole('button', { name: 'Close Bob’s tab “New tab”' }))
      await userEvent.click(screen.getByRole('button', { name: 'Close Attacker’s tab “New tab”' }))
      expect(screen.getAllByRole('tab')).toHaveLength(1)
      expect(
        screen
          .getByRole('button', { name: 'Close Alice’s tab “New tab”' })
          .hasAttribute('disabled'),
      ).toBe(true)
    })

    it('moves between tabs with the arrow keys', async () => {
      await startAndRender(<BrowserView />)
      activeTab().focus()
      await userEvent.keyboard('{ArrowRight}')
      expect(within(activeTab()).getByText('Bob')).toBeTruthy()
      expect(document.activeElement).toBe(activeTab())
      await userEvent.keyboard('{ArrowLeft}{ArrowLeft}')
      expect(within(activeTab()).getByText('Attacker')).toBeTruthy()
    })
  })

  describe('closing the browser', () => {
    const names = () => playgroundStore.getState().profiles.Alice.cookies.map(({ name }) => name)

    it('keeps the login cookie the sample server gives an expiry (cookie.maxAge)', async () => {
      const { playground } = await startAndRender(<BrowserView />)
      await playground.navigate(1, aliceLogin)
      await userEvent.click(screen.getByRole('button', { name: 'Close Alice’s browser' }))
      expect(names()).toEqual(['connect.sid'])
    })

    it('drops a login cookie without an expiry, as quitting a real browser does', async () => {
      const { playground } = await startAndRender(
        <BrowserView />,
        loginServerSource.replace('cookie: { maxAge: 10 * 60 * 1000 },', ''),
      )
      await playground.navigate(1, aliceLogin)
      expect(names()).toEqual(['connect.sid'])
      await userEvent.click(screen.getByRole('button', { name: 'Close Alice’s browser' }))
      expect(names()).toEqual([])
    })
  })
})
