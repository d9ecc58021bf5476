// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tamper } from '../../../mocks/client'
import { playgroundStore } from '../../state/store'
import {
  aliceLogin,
  renderWithPlayground,
  startPlayground,
  stopPlaygrounds,
} from '../../../tests/support/playground-harness'
import { StoreInspector } from './StoreInspector'
import { lazySessionList } from './lazy-session-list'

const VIEWPORT_PX = 400
const realClientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')

// jsdom lays nothing out: give the session list the height a browser would, so the virtualizer
// has a viewport to fill. The list loads apart from the page (app/shared/lazy-after-settled.tsx);
// these specs are about what it shows, so it is there from the start.
beforeAll(async () => {
  await lazySessionList.load()
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('store-inspector__scroller') ? VIEWPORT_PX : 0
    },
  })
})

afterAll(() => {
  if (realClientHeight)
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', realClientHeight)
})

afterEach(() => {
  cleanup()
  stopPlaygrounds()
})

function sessionRows(): HTMLElement[] {
  return screen.queryAllByRole('listitem').filter((item) => item.hasAttribute('data-session-id'))
}

async function loggedInAsAlice() {
  const playground = await startPlayground()
  renderWithPlayground(playground, <StoreInspector />)
  await act(() => playground.navigate(1, aliceLogin))
  return playground
}

describe('StoreInspector', () => {
  describe('before any session is saved', () => {
    it('says the store is empty and when it fills', async () => {
      const playground = await startPlayground()
      renderWithPlayground(playground, <StoreInspector />)
      expect(
        screen.getByText(
          'The store is empty — sessions appear here when express-session saves one',
        ),
      ).toBeInTheDocument()
    })
  })

  describe('after Alice logs in', () => {
    it('shows one session holding user "alice", linked to Alice\'s cookie', async () => {
      await loggedInAsAlice()
      const [row] = sessionRows()
      expect(sessionRows()).toHaveLength(1)
      expect(row).toHaveTextContent('user: "alice"')
      expect(within(row!).getByText("Alice's cookie")).toBeInTheDocument()
      expect(row).toHaveTextContent(/expires in 9 min 5\d s|expires in 10 min/)
    })

    it('links the session to every browser holding its cookie, and flags a forged one', async () => {
      const playground = await loggedInAsAlice()
      const [cookie] = playgroundStore.getState().profiles.Alice.cookies
      act(() => {
        playground.copyCookie('Alice', 'Attacker', cookie!)
        // Tampered as the jar panel does it, in the decoded form: cutting the wire value could
        // split a %XX escape and leave a cookie that is not signed at all.
        playground.putCookie('Bob', {
          ...cookie!,
          value: tamper.flipSignatureCharacter(cookie!.value),
        })
      })
      const [row] = sessionRows()
      expect(within(row!).getByText("Attacker's cookie")).toBeInTheDocument()
      expect(within(row!).getByText("Bob's cookie (signature does not verify)")).toBeInTheDocument()
    })

    it('expands the session into a tree with the cookie and a live expiry', async () => {
      const playground = await loggedInAsAlice()
      const [row] = sessionRows()
      await userEvent.click(within(row!).getByRole('button', { expanded: false }))
      const tree = screen.getByRole('list', { name: 'Session data' })
      expect(tree).toHaveTextContent('user: "alice"')
      expect(tree).toHaveTextContent('originalMaxAge: 600000')
      expect(tree).toHaveTextContent(/expires: "20\d\d-.*Z" \(expires in/)
      await act(() => playground.advanceClock(5 * 60 * 1000))
      expect(screen.getByRole('list', { name: 'Session data' })).toHaveTextContent(
        /\(expires in [45] min/,
      )
      await userEvent.click(within(tree).getByRole('button', { name: /cookie/ }))
      expect(screen.getByRole('list', { name: 'Session data' })).not.toHaveTextContent(
        'originalMaxAge',
      )
    })

    it('marks the entry expired but still stored once the clock passes its expiry', async () => {
      const playground = await loggedInAsAlice()
      await act(() => playground.advanceClock(10 * 60 * 1000 + 1000))
      const [row] = sessionRows()
      expect(row).toHaveTextContent('expired — still stored until read')
      expect(row).toHaveTextContent('no browser holds its cookie')
      expect(screen.getByText(/1 expired but still stored/)).toBeInTheDocument()
    })

    it('lists each request’s store calls and what they changed', async () => {
      await loggedInAsAlice()
      const activity = screen.getByRole('region', { name: 'Store calls by request' })
      const [login, dashboard] = within(activity).getAllByRole('listitem', {
        name: (_, element) => element.parentElement?.tagName === 'OL',
      })
      expect(login).toHaveTextContent(/^#1 POST \/login → 302destroy \S+…set \S+…\+ added \S+…$/)
      // touch rewrites cookie.expires: "changed" whenever a millisecond passed in between.
      expect(dashboard).toHaveTextContent(/^#2 GET \/dashboard → 200get \S+…touch \S+…/)
    })

    it('flags the store call that found the session expired', async () => {
      const playground = await loggedInAsAlice()
      const [cookie] = playgroundStore.getState().profiles.Alice.cookies
      await act(async () => {
        await playground.advanceClock(10 * 60 * 1000 + 1000)
        // The attacker's copy never expires, so the server reads the expired entry.
        playground.putCookie('Attacker', { ...cookie!, expiresMs: null })
        await playground.navigate(3, { url: '/dashboard' })
      })
      expect(screen.getByText(/expired — the store dropped it/)).toBeInTheDocument()
      expect(screen.getByText(/− removed/)).toBeInTheDocument()
      expect(
        screen.getByText(
          'The store is empty — sessions appear here when express-session saves one',
        ),
      ).toBeInTheDocument()
    })
  })

  describe('store connection', () => {
    it('disconnects and reconnects the store', async () => {
      const playground = await startPlayground()
      renderWithPlayground(playground, <StoreInspector />)
      await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }))
      expect(screen.getByRole('status')).toHaveTextContent(/^disconnected/)
      await act(() => playground.navigate(1, aliceLogin))
      expect(playgroundStore.getState().profiles.Alice.cookies).toEqual([])
      await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
      expect(screen.getByRole('status')).toHaveTextContent(/^connected$/)
    })
  })

  describe('a store the playground cannot read', () => {
    it('says so instead of claiming it is empty', async () => {
      const playground = await startPlayground()
      playgroundStore.setState({
        stores: [{ storeId: 1, kind: 'RedisStore', entries: undefined }],
      })
      renderWithPlayground(playground, <StoreInspector />)
      expect(screen.getByText(/cannot read inside a RedisStore/)).toBeInTheDocument()
      expect(screen.queryByText(/The store is empty/)).not.toBeInTheDocument()
    })
  })

  describe('a store whose keys are not the bare ids (connect-redis)', () => {
    it('shows each session under its key, sess:<id>', async () => {
      const playground = await startPlayground()
      playgroundStore.setState({
        stores: [
          {
            storeId: 1,
            kind: 'RedisStore',
            keyPrefix: 'sess:',
            entries: new Map([['abc123', { cookie: { path: '/' }, user: 'alice' }]]),
          },
        ],
      })
      renderWithPlayground(playground, <StoreInspector />)
      const [row] = sessionRows()
      expect(row).toHaveAttribute('data-session-id', 'abc123')
      expect(within(row!).getByRole('button', { expanded: false })).toHaveTextContent(
        /^▸ sess:abc123$/,
      )
    })
  })

  describe('with 10 000 sessions', () => {
    const COUNT = 10_000
    const idOf = (index: number) => `sess-${String(index).padStart(5, '0')}-abcdefghijklmnopq`

    async function renderManySessions() {
      const playground = await startPlayground()
      const expires = new Date(Date.now() + 60_000).toISOString()
      const entries = new Map<string, unknown>()
      for (let index = 0; index < COUNT; index++)
        entries.set(idOf(index), {
          cookie: { originalMaxAge: 60_000, expires, path: '/' },
          n: index,
        })
      playgroundStore.setState({ stores: [{ storeId: 1, kind: 'MemoryStore', entries }] })
      renderWithPlayground(playground, <StoreInspector />)
    }

    it('renders only the rows in view', async () => {
      await renderManySessions()
      const rows = sessionRows()
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.length).toBeLessThanOrEqual(30)
      expect(rows[0]).toHaveAttribute('aria-setsize', String(COUNT))
      expect(screen.getByText('10,000 sessions')).toBeInTheDocument()
    })

    it('finds one session by id', async () => {
      await renderManySessions()
      await userEvent.type(screen.getByLabelText('Filter by session id'), 'SESS-09876')
      const rows = sessionRows()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toHaveAttribute('data-session-id', idOf(9876))
      expect(screen.getByText('1 session of 10,000 match')).toBeInTheDocument()
    })
  })
})

describe('StoreInspector on a MongoStore', () => {
  const mongoServer = `
const express = require('express')
const session = require('express-session')
const { MongoStore } = require('connect-mongo')
const app = express()
app.use(session({
  store: MongoStore.create({ mongoUrl: 'mongodb://localhost/app' }),
  secret: 's', resave: false, saveUninitialized: false, cookie: { maxAge: 60000 },
}))
app.get('/', (req, res) => { req.session.views = 1; res.send('ok') })
app.listen(3000)
`

  it("shows each document's expires field, and says an expired one waits for the TTL monitor", async () => {
    const playground = await startPlayground(mongoServer)
    renderWithPlayground(playground, <StoreInspector />)
    await act(() => playground.navigate(1, { method: 'GET', url: '/' }))
    const [row] = sessionRows()
    if (!row) throw new Error('no session row')
    const expires = playgroundStore.getState().stores[0]?.fields?.values().next().value?.expires
    expect(expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(within(row).getByText(`expires ${expires}`)).toBeInTheDocument()
    // Past its expiry but before the monitor's next pass (60 s after the server started).
    await act(() => playground.advanceClock(59_500))
    await act(() => playground.advanceClock(1_000))
    expect(
      await screen.findByText(/TTL monitor removes expired documents once a minute/),
    ).toBeVisible()
  })
})
