import type { ComponentProps } from 'react'
import { lazyAfterSettled } from '../../shared/lazy-after-settled'
import type { SessionList } from './SessionList'

/**
 * The session list and its virtualizer (~10 KB gzip) load apart from the page: every lesson
 * starts with an empty store, so no lesson needs them before the learner's first request.
 */
export const lazySessionList = lazyAfterSettled<ComponentProps<typeof SessionList>>(
  'session list',
  () => import('./SessionList').then((module) => module.SessionList),
)
