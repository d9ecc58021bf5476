// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import {
  aliceLogin,
  renderWithPlayground,
  startPlayground,
  stopPlaygrounds,
} from '../../../tests/support/playground-harness'
import { NetworkLog } from './NetworkLog'
import { REQUEST_COOKIE_REASONS, SET_COOKIE_REASONS } from '../../../mocks/client'

afterEach(() => {
  cleanup()
  stopPlaygrounds()
})

function rows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.hasAttribute('data-exchange-id'))
}

function rowText(row: HTMLElement): string {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.trim())
    .join(' | ')
}

async function loggedInAsAlice() {
  const playground = await startPlayground()
  renderWithPlayground(playground, <NetworkLog />)
  await act(() => playground.navigate(1, aliceLogin))
  return playground
}

const SERVER_WITH_BROKEN_COOKIE = `
const express = require('express')
const app = express()
app.get('/', (req, res) => {
  res.cookie('tracker', '1', { sameSite: 'none' })
  res.send('ok')
})
app.listen(3000)
`

describe('NetworkLog', () => {
  describe('before any request', () => {
    it('invites the learner to visit a page', async () => {
      const playground = await startPlayground()
      renderWithPlayground(playground, <NetworkLog />)
      expect(
        screen.getByText('No requests yet — use the browser to visit a page'),
      ).toBeInTheDocument()
      expect(screen.queryByRole('table')).not.toBeInTheDocument()
    })
  })

  describe('when Alice logs in', () => {
    it('shows the login POST with its 302 and the stored session cookie', async () => {
      await loggedInAsAlice()
      const [login] = rows()
      expect(rowText(login!)).toMatch(
        /^#1 \| POST \/login.* \| 302 \| Alice \| — \| connect\.sid stored$/,
      )
    })

    it('links the redirect hop to the response that caused it, and sends the cookie on it', async () => {
      await loggedInAsAlice()
      const [login, dashboard] = rows()
      expect(login).toHaveTextContent('redirects to #2')
      expect(rowText(dashboard!)).toMatch(
        /^#2 \| ↳ GET \/dashboard redirected from #1 \| 200 \| Alice \| connect\.sid \| —$/,
      )
    })

    it('announces only the newest request to screen readers', async () => {
      await loggedInAsAlice()
      const live = document.querySelector('[aria-live="polite"]')
      expect(live?.textContent).toBe('Alice: GET /dashboard → 200 OK. Sent cookies connect.sid.')
      expect(live?.closest('table')).toBeNull()
    })
  })

  describe('details', () => {
    it('opens on click with both sides of the exchange and the explanations', async () => {
      await loggedInAsAlice()
      await userEvent.click(rows()[0]!)
      const details = screen.getByRole('region', { name: /#1 POST \/login → 302 Found/ })
      const request = within(details).getByRole('table', { name: 'Request headers' })
      expect(request).toHaveTextContent('Content-Typeapplication/x-www-form-urlencoded')
      expect(within(details).getByLabelText('Request body')).toHaveTextContent(
        'username=alice&password=wonderland',
      )
      const response = within(details).getByRole('table', { name: 'Response headers' })
      expect(response).toHaveTextContent('Location/dashboard')
      expect(response).toHaveTextContent(/Set-Cookieconnect\.sid=s%3A/)
      expect(within(details).getByText(/req\.session\.regenerate\(\)/)).toBeInTheDocument()
    })

    it('opens with Enter on a focused row and closes with Escape, returning focus to the row', async () => {
      await loggedInAsAlice()
      const user = userEvent.setup()
      await user.tab()
      expect(rows()[0]).toHaveFocus()
      await user.keyboard('{ArrowDown}{Enter}')
      expect(screen.getByRole('region', { name: /#2 GET \/dashboard/ })).toBeInTheDocument()
      await user.keyboard('{Escape}')
      expect(screen.queryByRole('region', { name: /#2 GET/ })).not.toBeInTheDocument()
      expect(rows()[1]).toHaveFocus()
    })

    it('lists cookies the jar withheld, with the reason', async () => {
      const playground = await loggedInAsAlice()
      const [cookie] = playground.browsers.Alice.jar.list()
      await act(async () => {
        playground.putCookie('Alice', { ...cookie!, name: 'secret-pref', secure: true })
        await playground.navigate(1, { url: '/' })
      })
      await userEvent.click(rows().at(-1)!)
      const withheld = screen.getByRole('heading', { name: 'Cookies withheld' })
      expect(withheld.nextElementSibling).toHaveTextContent(
        `secret-pref SecureOnly ${REQUEST_COOKIE_REASONS.SecureOnly}`,
      )
    })

    it('shows cookies for another path only with "show filtered-out request cookies"', async () => {
      const playground = await loggedInAsAlice()
      const [cookie] = playground.browsers.Alice.jar.list()
      await act(async () => {
        playground.putCookie('Alice', { ...cookie!, name: 'admin-pref', path: '/admin' })
        await playground.navigate(1, { url: '/' })
      })
      await userEvent.click(rows().at(-1)!)
      const details = screen.getByRole('region', { name: /GET \// })
      expect(within(details).queryByText('admin-pref')).not.toBeInTheDocument()
      await userEvent.click(within(details).getByLabelText(/Show filtered-out request cookies/))
      expect(within(details).getByText('admin-pref').closest('li')).toHaveTextContent(
        `admin-pref NotOnPath ${REQUEST_COOKIE_REASONS.NotOnPath}`,
      )
    })

    it('cuts long bodies and shows the rest on request', async () => {
      const playground = await startPlayground(`
        const express = require('express')
        const app = express()
        app.get('/', (req, res) => res.type('text').send('x'.repeat(5000)))
        app.listen(3000)
      `)
      renderWithPlayground(playground, <NetworkLog />)
      await act(() => playground.navigate(1, { url: '/' }))
      await userEvent.click(rows()[0]!)
      expect(screen.getByLabelText('Response body').textContent).toHaveLength(2001)
      await userEvent.click(screen.getByRole('button', { name: /Show the other 3,000 characters/ }))
      expect(screen.getByLabelText('Response body').textContent).toHaveLength(5000)
    })
  })

  describe('when the jar rejects a Set-Cookie', () => {
    it('shows the verdict and the reason in the row', async () => {
      const playground = await startPlayground(SERVER_WITH_BROKEN_COOKIE)
      renderWithPlayground(playground, <NetworkLog />)
      await act(() => playground.navigate(1, { url: '/' }))
      expect(rowText(rows()[0]!)).toContain(
        `tracker rejected SameSiteNoneInsecure ${SET_COOKIE_REASONS.SameSiteNoneInsecure}`,
      )
    })
  })
})
