// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lazyAfterSettled } from './lazy-after-settled'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>
}

/** A fetch that the spec settles, one call at a time. */
function controlledFetch() {
  const calls: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  const fetchComponent = vi.fn(
    () =>
      new Promise<typeof Greeting>((resolve, reject) =>
        calls.push({ resolve: () => resolve(Greeting), reject }),
      ),
  )
  return { calls, fetchComponent }
}

describe('lazyAfterSettled', () => {
  it('shows "Loading…" until the component has come, then the component with its props', async () => {
    const { calls, fetchComponent } = controlledFetch()
    const lazy = lazyAfterSettled('greeting', fetchComponent)
    render(<lazy.Component name="Alice" />)
    expect(screen.getByText('Loading the greeting…')).toBeInTheDocument()

    await act(async () => calls[0]?.resolve())
    expect(screen.getByText('Hello, Alice')).toBeInTheDocument()
    expect(screen.queryByText('Loading the greeting…')).not.toBeInTheDocument()
  })

  it('says so when the fetch fails, and fetches again on "Try again"', async () => {
    const { calls, fetchComponent } = controlledFetch()
    const lazy = lazyAfterSettled('greeting', fetchComponent)
    render(<lazy.Component name="Bob" />)
    await act(async () =>
      calls[0]?.reject(new Error('Failed to fetch dynamically imported module')),
    )
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The greeting could not be loaded (Failed to fetch dynamically imported module).',
    )

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('Loading the greeting…')).toBeInTheDocument()
    expect(fetchComponent).toHaveBeenCalledTimes(2)
    await act(async () => calls[1]?.resolve())
    expect(screen.getByText('Hello, Bob')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('renders at once, with no fetch, once loaded', async () => {
    const { calls, fetchComponent } = controlledFetch()
    const lazy = lazyAfterSettled('greeting', fetchComponent)
    const loading = lazy.load()
    calls[0]?.resolve()
    await loading
    render(<lazy.Component name="Carol" />)
    expect(screen.getByText('Hello, Carol')).toBeInTheDocument()
    expect(fetchComponent).toHaveBeenCalledTimes(1)
  })

  it('prefetches once the page has settled, not before', async () => {
    vi.useFakeTimers()
    const { fetchComponent } = controlledFetch()
    const lazy = lazyAfterSettled('greeting', fetchComponent)
    function Panel() {
      lazy.usePrefetch()
      return null
    }
    render(<Panel />)
    act(() => vi.advanceTimersByTime(2900))
    expect(fetchComponent).not.toHaveBeenCalled()
    // Then at the first idle moment.
    act(() => vi.advanceTimersByTime(200))
    expect(fetchComponent).toHaveBeenCalledTimes(1)
  })
})
