// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LazySessionList } from './lazy-session-list'

afterEach(cleanup)

const props = {
  storeId: 1,
  forgetting: 'on-read',
  sessions: [{ id: 'ubpDZmcv', data: { views: 1 } }],
  links: new Map(),
  nowMs: 0,
} as const

// One flow, in order: the module is loaded once per spec file, as in the page.
describe('LazySessionList', () => {
  it('says it is loading, says so when the list cannot load, and shows it once it can', async () => {
    vi.doMock('./SessionList', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    render(<LazySessionList {...props} />)
    expect(screen.getByText('Loading the session list…')).toBeInTheDocument()

    // vitest reports a throwing mock factory in words of its own: the cause is shown, whatever it is.
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/^The session list could not be loaded \(.+\)\.Try again$/)
    expect(screen.queryByRole('list')).not.toBeInTheDocument()

    vi.doUnmock('./SessionList')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    const list = await screen.findByRole('list', { name: 'Sessions in store 1' })
    expect(list).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
