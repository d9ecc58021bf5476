import { useMemo } from 'react'
import type { LessonObservation } from '../../lesson-loader/evaluate-check'
import { observePlayground } from '../../lesson-loader/observe-playground'
import { usePlaygroundState } from '../../state/use-playground-state'

/**
 * What lesson checks look at, as of the latest store change: every change to jars, tabs, the
 * store, the logs or the server yields a new observation, so checks are evaluated live.
 */
export function usePlaygroundObservation(): LessonObservation {
  const profiles = usePlaygroundState((state) => state.profiles)
  const tabs = usePlaygroundState((state) => state.tabs)
  const activeTabId = usePlaygroundState((state) => state.activeTabId)
  const stores = usePlaygroundState((state) => state.stores)
  const exchanges = usePlaygroundState((state) => state.exchanges)
  const explanations = usePlaygroundState((state) => state.explanations)
  const consoleLines = usePlaygroundState((state) => state.consoleLines)
  const server = usePlaygroundState((state) => state.server)
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
