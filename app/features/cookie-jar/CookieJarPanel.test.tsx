// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Playground } from '../../playground/playground'
import { REQUEST_COOKIE_REASONS, SET_COOKIE_REASONS } from '../../../mocks/client'
import { playgroundStore } from '../../state/store'
import { CookieJarPanel } from './CookieJarPanel'
import { stopPlaygrounds, startAndRender } from '../../../tests/support/playground-harness'

afterEach(() => {
  cleanup()
  stopPlaygrounds()
})

async function logIn(playground: Playground, tabId = 1) {
  await playground.navigate(tabId, {
    url: '/login',
    method: 'POST',
    form: [
      ['username', 'alice'],
      ['password', 'wonderland'],
    ],
  })
}

function row(name: string) {
  const header = screen.getByRole('rowheader', { name })
  return header.closest('tr') as HTMLTableRowElement
}

function verdict() {
  return screen.getByText(/^(Signature verifies|No secret produces|Not signed)/)
}

describe('CookieJarPanel', () => {
  it('says the jar is empty before the server sets a cookie', async () => {
    await startAndRender(<CookieJarPanel />)
    expect(
      screen.getByText('No cookies yet — the server has not set any for session.test.'),
    ).toBeTruthy()
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Alice' }).checked).toBe(true)
  })

  describe('after Alice logs in', () => {
    it('lists connect.sid with HttpOnly ✓, its domain, path, size and expiry', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      const sid = await waitFor(() => row('connect.sid'))
      const cells = within(sid)
      expect(cells.getByRole('cell', { name: 'HttpOnly: yes' }).textContent).toBe('✓')
      expect(cells.getByRole('cell', { name: 'Secure: no' }).textContent).toBe('')
      expect(cells.getByText('session.test')).toBeTruthy()
      expect(cells.getByText('/')).toBeTruthy()
      const [cookie] = playgroundStore.getState().profiles.Alice.cookies
      expect(cells.getByText(String(cookie?.size))).toBeTruthy()
      const expires = new Date(cookie!.expiresMs!).toISOString().replace(/\.\d+Z$/, 'Z')
      expect(cells.getByText(expires)).toBeTruthy()
      expect(cells.getByText(/^in (10m 00s|9m 5\ds)$/)).toBeTruthy()
      expect(cells.getByTitle(/treats the cookie as Lax/)).toBeTruthy()
    })

    it('counts down on the virtual clock when time is fast-forwarded', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await playground.advanceClock(4 * 60 * 1000)
      await waitFor(() => expect(within(row('connect.sid')).getByText(/^in (6m 00s|5m 5\ds)$/)))
    })

    it('shows the value URL-decoded when the toggle is on, and remembers the choice', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      const value = () => within(row('connect.sid')).getByText(/^s(%3A|:)/).textContent
      await waitFor(() => expect(value()).toMatch(/^s%3A/))
      await userEvent.click(screen.getByRole('checkbox', { name: 'Show URL-decoded' }))
      expect(value()).toMatch(/^s:[\w-]+\./)
      expect(playgroundStore.getState().preferences.decodeCookieValues).toBe(true)
    })

    it('takes the signed value apart and verifies it, then reports ✗ after a flipped signature', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      const id = [...(playgroundStore.getState().stores[0]?.entries?.keys() ?? [])][0]!
      const parts = screen.getByLabelText('Signed value, taken apart')
      expect(within(parts).getByText(id)).toBeTruthy()
      expect(within(parts).getByText('s:')).toBeTruthy()
      expect(verdict().textContent).toBe(
        `✓ Signature verifies with secret #1, and the store holds session ${id}: express-session loads it.`,
      )
      expect(within(row('connect.sid')).getByText('✓ signed')).toBeTruthy()

      await userEvent.click(screen.getByRole('button', { name: 'Flip a signature character' }))
      expect(verdict().textContent).toMatch(/^✗ No secret produces this signature/)
      expect(within(row('connect.sid')).getByText('✗ bad signature')).toBeTruthy()
    })

    it('says the session no longer loads once a restart emptied the MemoryStore', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await playground.restartServer()
      await waitFor(() =>
        expect(verdict().textContent).toMatch(
          /^✗ Signature verifies with secret #1, but the store no longer holds session .* new, empty session\.$/,
        ),
      )
    })

    it('re-signs a tampered value with the secret the learner types', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await userEvent.click(screen.getByRole('button', { name: 'Flip a signature character' }))
      await userEvent.type(screen.getByLabelText('Secret to sign with'), 'wrong guess')
      await userEvent.click(screen.getByRole('button', { name: 'Re-sign' }))
      expect(verdict().textContent).toMatch(/^✗ No secret produces this signature/)

      await userEvent.clear(screen.getByLabelText('Secret to sign with'))
      await userEvent.type(screen.getByLabelText('Secret to sign with'), 'keyboard cat')
      await userEvent.click(screen.getByRole('button', { name: 'Re-sign' }))
      expect(verdict().textContent).toMatch(/^✓ Signature verifies with secret #1/)
    })

    it('changes the id but keeps the old signature, which then fails', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      const input = screen.getByLabelText('New session id')
      await userEvent.clear(input)
      await userEvent.type(input, 'guessed-id')
      await userEvent.click(screen.getByRole('button', { name: 'Change the id' }))
      const parts = screen.getByLabelText('Signed value, taken apart')
      expect(within(parts).getByText('guessed-id')).toBeTruthy()
      expect(verdict().textContent).toMatch(/^✗ No secret produces this signature/)
    })

    it('drops the s: prefix, which express-session treats as unsigned', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await userEvent.click(screen.getByRole('button', { name: 'Drop the s: prefix' }))
      expect(verdict().textContent).toMatch(/^✗ Not signed \(no "s:" prefix\)/)
      expect(within(row('connect.sid')).getByText('✗ unsigned')).toBeTruthy()
    })

    it('copies the cookie into the attacker’s jar, whose dashboard then greets alice', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await userEvent.click(screen.getByRole('button', { name: 'Copy to Attacker' }))
      expect(screen.getByRole('status').textContent).toBe(
        'Copied connect.sid into Attacker’s browser.',
      )
      await userEvent.click(screen.getByRole('radio', { name: 'Attacker' }))
      expect(screen.getByRole('table', { name: 'Attacker’s cookies' })).toBeTruthy()
      expect(row('connect.sid')).toBeTruthy()

      await playground.navigate(3, { url: '/dashboard' })
      expect(playgroundStore.getState().tabs[2]?.page?.body).toContain('Hello, alice')
    })

    it('edits the value inline and deletes the cookie', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await waitFor(() => row('connect.sid'))
      await userEvent.click(screen.getByRole('button', { name: 'Edit value' }))
      const input = screen.getByLabelText(/^New value for connect\.sid/)
      await userEvent.clear(input)
      await userEvent.type(input, 'hand-made')
      await userEvent.click(screen.getByRole('button', { name: 'Save' }))
      expect(playgroundStore.getState().profiles.Alice.cookies[0]).toMatchObject({
        value: 'hand-made',
        size: 'connect.sid'.length + 'hand-made'.length,
      })

      await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
      expect(screen.getByText('The jar is empty: you deleted connect.sid.')).toBeTruthy()
    })
  })

  describe('choosing the profile', () => {
    it('follows the active tab’s profile until the learner picks another', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      playground.activateTab(2)
      await waitFor(() =>
        expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Bob' }).checked).toBe(true),
      )
      await userEvent.click(screen.getByRole('radio', { name: 'Attacker' }))
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Attacker' }).checked).toBe(true)
      playground.activateTab(1)
      await waitFor(() =>
        expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Alice' }).checked).toBe(true),
      )
    })
  })

  describe('blocked cookies', () => {
    it('shows a rejected Set-Cookie with the browser’s reason', async () => {
      const { playground } = await startAndRender(
        <CookieJarPanel />,
        `const express = require('express')
const app = express()
app.get('/', (req, res) => res.cookie('theme', 'dark', { sameSite: 'none' }).send('ok'))
app.listen(3000)`,
      )
      await playground.navigate(1, { url: '/' })
      const blocked = await screen.findByRole('region', {
        name: 'Blocked in the latest navigation',
      })
      expect(blocked.textContent).toContain('Set-Cookie rejected')
      expect(within(blocked).getByText('theme')).toBeTruthy()
      expect(within(blocked).getByText('SameSiteNoneInsecure')).toBeTruthy()
      expect(blocked.textContent).toContain(SET_COOKIE_REASONS.SameSiteNoneInsecure)
      expect(screen.getByText(/^No cookies yet/)).toBeTruthy()
    })

    it('shows the session cookie withheld from a cross-site POST once it is older than 2 minutes', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />)
      await logIn(playground)
      await playground.advanceClock(3 * 60 * 1000)
      playground.setSettings('Alice', { crossSite: true })
      await playground.navigate(1, { url: '/logout', method: 'POST' })
      const blocked = await screen.findByRole('region', {
        name: 'Blocked in the latest navigation',
      })
      expect(blocked.textContent).toContain('Not sent')
      expect(within(blocked).getByText('connect.sid')).toBeTruthy()
      expect(blocked.textContent).toMatch(/with POST \/logout/)
      expect(within(blocked).getByText('SchemefulSameSiteUnspecifiedTreatedAsLax')).toBeTruthy()
      expect(blocked.textContent).toContain(
        REQUEST_COOKIE_REASONS.SchemefulSameSiteUnspecifiedTreatedAsLax,
      )
    })

    it('lists cookies for another path only with "show filtered-out request cookies"', async () => {
      const user = userEvent.setup()
      const { playground } = await startAndRender(
        <CookieJarPanel />,
        `const express = require('express')
const app = express()
app.get('/', (req, res) => res.cookie('admin', '1', { path: '/admin' }).send('ok'))
app.listen(3000)`,
      )
      await playground.navigate(1, { url: '/' })
      await playground.navigate(1, { url: '/' })
      const blocked = await screen.findByRole('region', {
        name: 'Blocked in the latest navigation',
      })
      expect(within(blocked).queryByText('NotOnPath')).toBeNull()
      await user.click(within(blocked).getByLabelText(/Show filtered-out request cookies \(1/))
      expect(within(blocked).getByText('NotOnPath')).toBeTruthy()
      expect(blocked.textContent).toContain(REQUEST_COOKIE_REASONS.NotOnPath)
    })
  })

  describe('an empty jar', () => {
    const expiringCookie = `const express = require('express')
const app = express()
app.get('/', (req, res) => res.cookie('theme', 'dark', { maxAge: 60000 }).send('ok'))
app.get('/forget', (req, res) => res.clearCookie('theme').send('forgotten'))
app.listen(3000)`

    it('says the cookie expired once the clock passed its expiry', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />, expiringCookie)
      await playground.navigate(1, { url: '/' })
      await playground.advanceClock(61_000)
      expect(await screen.findByText(/^The jar is empty: theme expired at /)).toBeTruthy()
      expect(screen.queryByText(/^No cookies yet/)).toBeNull()
    })

    it('says the server deleted the cookie when a response cleared it', async () => {
      const { playground } = await startAndRender(<CookieJarPanel />, expiringCookie)
      await playground.navigate(1, { url: '/' })
      await playground.navigate(1, { url: '/forget' })
      expect(
        await screen.findByText(
          'The jar is empty: the server deleted theme with a Set-Cookie that had already expired (as res.clearCookie sends).',
        ),
      ).toBeTruthy()
    })
  })
})
