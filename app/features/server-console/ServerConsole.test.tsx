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
import { ServerConsole } from './ServerConsole'
import { playgroundStore } from '../../state/store'

afterEach(() => {
  cleanup()
  stopPlaygrounds()
})

const NOISY_SERVER = `const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'x' }))
app.get('/', (req, res) => { console.warn('careful'); res.send('ok') })
app.get('/throw', (req, res) => { throw new Error('sync boom') })
app.get('/crash', (req, res) => { setTimeout(() => { null.boom }, 0); res.send('ok') })
app.listen(3000)
`

async function renderConsole(source?: string) {
  const playground = await startPlayground(source)
  renderWithPlayground(playground, <ServerConsole />)
  return playground
}

function output(): HTMLElement {
  return screen.getByRole('log', { name: 'Server output and explanations' })
}

describe('ServerConsole', () => {
  it('shows what the server printed when it started', async () => {
    await renderConsole()
    expect(within(output()).getByText('Listening on http://localhost:3000')).toBeInTheDocument()
  })

  it('is a polite live region, so new output is announced without interrupting', async () => {
    await renderConsole()
    expect(output()).toHaveAttribute('aria-live', 'polite')
  })

  describe('when Alice logs in', () => {
    it('explains each request under a title with its method, path and status', async () => {
      const playground = await renderConsole()
      await act(() => playground.navigate(1, aliceLogin))
      const login = screen.getByRole('region', { name: '#1 POST /login → 302' })
      expect(within(login).getByText(/The route called/, { selector: 'li' })).toHaveTextContent(
        /req\.session\.regenerate\(\).*replaced by a new session/,
      )
      expect(
        within(login).getByText('req.session.regenerate()', { selector: 'code' }),
      ).toBeVisible()
    })

    it('puts the newest request last', async () => {
      const playground = await renderConsole()
      await act(() => playground.navigate(1, aliceLogin))
      const titles = within(output())
        .getAllByRole('heading')
        .map((heading) => heading.textContent)
      expect(titles).toEqual(['#1 POST /login → 302', '#2 GET /dashboard → 200'])
      expect(output().lastElementChild).toHaveAccessibleName('#2 GET /dashboard → 200')
    })

    it('hides everything but the reasons when asked for only the why', async () => {
      const playground = await renderConsole()
      await act(() => playground.navigate(1, aliceLogin))
      await userEvent.click(screen.getByLabelText('Only the why'))
      expect(within(output()).queryByText('Listening on http://localhost:3000')).toBeNull()
      expect(screen.getByRole('list', { name: 'Why, for #1 POST /login → 302' })).toBeVisible()
    })
  })

  describe('lines of each kind', () => {
    it('badges warnings and deprecations, with the code location they point at', async () => {
      const playground = await renderConsole(NOISY_SERVER)
      await act(() => playground.navigate(1, { url: '/' }))
      const deprecation = within(output()).getAllByText(/express-session deprecated/)[0]!
        .parentElement!
      expect(deprecation).toHaveClass('server-console__line--deprecation')
      expect(within(deprecation).getByText('deprecated')).toBeInTheDocument()
      expect(within(deprecation).getByText('server.js:4:9')).toBeInTheDocument()
      const warning = within(output()).getByText('careful').parentElement!
      expect(within(warning).getByText('warning')).toBeInTheDocument()
    })

    it('badges a crash with its server.js line and column', async () => {
      const playground = await renderConsole(NOISY_SERVER)
      await act(async () => {
        await playground.navigate(1, { url: '/crash' })
        await new Promise((resolve) => setTimeout(resolve, 20))
      })
      const crash = within(output()).getByText(/^The server crashed: TypeError/).parentElement!
      expect(crash).toHaveClass('server-console__line--error')
      expect(within(crash).getByText('server.js:7:59')).toBeInTheDocument()
    })

    it('folds a stack trace under its first line, and badges the frame in server.js', async () => {
      const playground = await renderConsole(NOISY_SERVER)
      await act(() => playground.navigate(1, { url: '/throw' }))
      const error = within(output()).getByText('Error: sync boom', {
        selector: 'span',
      }).parentElement!
      expect(within(error).getByText('server.js:6:41')).toBeInTheDocument()
      expect(
        within(error)
          .getByText(/more lines$/)
          .closest('details'),
      ).not.toHaveAttribute('open')
    })

    it('badges a load error with where the code failed', async () => {
      await renderConsole("const x = 1\nthrow new Error('bad config')\n")
      const failure = within(output()).getByText(/failed to load: Error: bad config/).parentElement!
      expect(within(failure).getByText('server.js:2:7')).toBeInTheDocument()
    })
  })

  describe('after a burst of output', () => {
    it('draws the newest 200 entries and counts the ones before them', async () => {
      await renderConsole()
      const { recordActivity } = playgroundStore.getState()
      act(() =>
        recordActivity(
          Array.from({ length: 250 }, (_, index) => ({
            kind: 'line' as const,
            line: {
              kind: 'log' as const,
              text: `line ${index}`,
              time: 0,
              requestId: undefined,
              location: undefined,
            },
          })),
        ),
      )
      const before = playgroundStore.getState().consoleLines.length - 250
      expect(
        within(output()).getByText(`${50 + before} earlier entries not shown.`),
      ).toBeInTheDocument()
      expect(within(output()).queryByText('line 49')).toBeNull()
      expect(within(output()).getByText('line 50')).toBeInTheDocument()
      expect(within(output()).getByText('line 249')).toBeInTheDocument()
    })
  })

  describe('clear', () => {
    it('empties the console and says what will appear', async () => {
      const playground = await renderConsole()
      await act(() => playground.navigate(1, aliceLogin))
      await userEvent.click(screen.getByRole('button', { name: 'Clear' }))
      expect(within(output()).getByText(/^The console is empty/)).toBeInTheDocument()
      expect(within(output()).queryByRole('heading')).toBeNull()
    })
  })
})
