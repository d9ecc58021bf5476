/**
 * DevTools' "Show filtered-out request cookies": cookies held back only because they belong to
 * another path or host stay hidden until the learner asks for them. Used by the cookie panel's
 * blocked list and the network log's withheld cookies.
 */
import { useId, useState, type ReactNode } from 'react'

export function useFilteredOut<T>(
  items: readonly T[],
  isFilteredOut: (item: T) => boolean,
  toggleClassName: string,
): { shown: T[]; toggle: ReactNode } {
  const [showFiltered, setShowFiltered] = useState(false)
  const toggleId = useId()
  const filteredCount = items.filter(isFilteredOut).length
  const shown = items.filter((item) => showFiltered || !isFilteredOut(item))
  const toggle =
    filteredCount > 0 ? (
      <p className={toggleClassName}>
        <input
          id={toggleId}
          type="checkbox"
          checked={showFiltered}
          onChange={(event) => setShowFiltered(event.target.checked)}
        />{' '}
        <label htmlFor={toggleId}>
          Show filtered-out request cookies ({filteredCount}: another path or host)
        </label>
      </p>
    ) : null
  return { shown, toggle }
}
