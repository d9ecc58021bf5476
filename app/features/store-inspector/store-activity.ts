/**
 * The store calls each request made (get, set, touch, destroy…) next to what it changed in the
 * store, grouped under the request's title as the server console shows it: `#3 POST /login → 302`.
 */
import { requestTitle } from '../../shared/request-title'
import type { Exchange } from '../../../mocks/client'
import type { StoreCall, StoreDiff } from '../../state/activity-slice'

export interface RequestStoreActivity {
  /** Stable React key: `request-3`, or `outside-0` for the first run outside any request. */
  key: string
  /** `undefined` for calls made outside any request (at startup, from a timer). */
  requestId: number | undefined
  title: string
  calls: StoreCall[]
  diff: StoreDiff | undefined
}

export function hasChanges(diff: StoreDiff | undefined): diff is StoreDiff {
  return diff !== undefined && diff.added.length + diff.changed.length + diff.removed.length > 0
}

/**
 * One group per request that called the store or changed it, in request order; runs of calls
 * outside any request stay where they happened.
 */
export function groupStoreActivity(
  calls: readonly StoreCall[],
  diffs: readonly StoreDiff[],
  exchanges: readonly Exchange[],
): RequestStoreActivity[] {
  const groups: Array<RequestStoreActivity & { order: number }> = []
  const byRequest = new Map<number, RequestStoreActivity & { order: number }>()
  let lastRequestId = 0
  let outsideRuns = 0
  let outside: (RequestStoreActivity & { order: number }) | undefined
  for (const call of calls) {
    if (call.requestId === undefined) {
      if (!outside) {
        outside = {
          key: `outside-${outsideRuns++}`,
          requestId: undefined,
          title: 'Outside any request',
          calls: [],
          diff: undefined,
          order: lastRequestId + 0.5,
        }
        groups.push(outside)
      }
      outside.calls.push(call)
      continue
    }
    outside = undefined
    lastRequestId = Math.max(lastRequestId, call.requestId)
    let group = byRequest.get(call.requestId)
    if (!group) {
      group = {
        key: `request-${call.requestId}`,
        requestId: call.requestId,
        title: requestTitle(call.requestId, exchanges),
        calls: [],
        diff: undefined,
        order: call.requestId,
      }
      byRequest.set(call.requestId, group)
      groups.push(group)
    }
    group.calls.push(call)
  }
  for (const diff of diffs) {
    const group = byRequest.get(diff.requestId)
    if (group) group.diff = diff
    else if (hasChanges(diff)) {
      const created = {
        key: `request-${diff.requestId}`,
        requestId: diff.requestId,
        title: requestTitle(diff.requestId, exchanges),
        calls: [],
        diff,
        order: diff.requestId,
      }
      byRequest.set(diff.requestId, created)
      groups.push(created)
    }
  }
  return groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => a.group.order - b.group.order || a.index - b.index)
    .map(({ group: { order: _order, ...group } }) => group)
}

/** The first characters of a session id, as the explanations abbreviate it: `ubpDZmcv…`. */
export function shortId(id: string, length = 8): string {
  return id.length > length + 1 ? `${id.slice(0, length)}…` : id
}
