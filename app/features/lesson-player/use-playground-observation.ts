import { useMemo } from 'react'
import type { LessonObservation } from '../../lesson-loader/evaluate-check'
import { observePlayground } from '../../lesson-loader/observe-playground'
import { usePlaygroundStore } from '../../state/store'

/**
 * What lesson checks look at, as of the latest store change: every change to jars, tabs, the
 * store, the logs or the server yields a new observation, so checks are evaluated live.
 */
export function usePlaygroundObservation(): LessonObservation {
  const profiles = usePlaygroundStore((state) => state.profiles)
  const tabs = usePlaygroundStore((state) => state.tabs)
  const activeTabId = usePlaygroundStore((state) => state.activeTabId)
  const stores = usePlaygroundStore((state) => state.stores)
  const exchanges = usePlaygroundStore((state) => state.exchanges)
  const explanations = usePlaygroundStore((state) => state.explanations)
  const consoleLines = usePlaygroundStore((state) => state.consoleLines)
  const server = usePlaygroundStore((state) => state.server)
  return useMemo(() => {
    // A page check reads the tab the learner looks at, when it belongs to that profile.
    const activeIndex = tabs.findIndex((tab) => tab.id === activeTabId)
    const active = tabs[activeIndex]
    const lastUsedTab = active ? { [active.profile]: activeIndex } : {}
    return observePlayground(
      { profiles, tabs, stores, exchanges, explanations, consoleLines, server },
      lastUsedTab,
    )
  }, [profiles, tabs, activeTabId, stores, exchanges, explanations, consoleLines, server])
}
