import type { StoreChange, StoreSnapshot } from '../../mocks/server/runtime/server-transport'
import type { StoreDiff } from '../state/activity-slice'

type StoreChanges = Omit<StoreDiff, 'requestId'>

/**
 * The stores after `changes` (from `readStoreChanges()`), and the session ids they added,
 * changed and removed. Snapshots and entries objects that did not change are kept as they were,
 * so the panels that show them need not look again; an entry that did not change keeps its
 * object in a changed store too.
 */
export function applyStoreChanges(
  previous: readonly StoreSnapshot[],
  changes: readonly StoreChange[],
): { stores: StoreSnapshot[]; diff: StoreChanges } {
  const diff: StoreChanges = { added: [], changed: [], removed: [] }
  const before = new Map(previous.map((store) => [store.storeId, store]))
  const stores = changes.map((change) => {
    const old = before.get(change.storeId)
    before.delete(change.storeId)
    return changedSnapshot(old, change, diff)
  })
  // Stores that are gone (a restart numbered them anew) take their sessions with them.
  for (const gone of before.values())
    for (const id of Object.keys(gone.entries ?? {})) diff.removed.push(id)
  const same =
    stores.length === previous.length && stores.every((store, index) => store === previous[index])
  return { stores: same ? (previous as StoreSnapshot[]) : stores, diff }
}

function changedSnapshot(
  old: StoreSnapshot | undefined,
  change: StoreChange,
  diff: StoreChanges,
): StoreSnapshot {
  const before = old?.entries ?? {}
  const had = (id: string) => Object.hasOwn(before, id)
  let entries: Record<string, unknown> | undefined
  if (change.entries === undefined) {
    // Unreadable now: what was shown of it is gone.
    for (const id of Object.keys(before)) diff.removed.push(id)
  } else if (change.complete || !old?.entries) {
    // A whole picture (a fresh reader): compared entry by entry with what the page had.
    entries = change.entries
    for (const [id, data] of Object.entries(entries)) {
      if (!had(id)) diff.added.push(id)
      else if (JSON.stringify(before[id]) !== JSON.stringify(data)) diff.changed.push(id)
    }
    for (const id of Object.keys(before)) if (!Object.hasOwn(entries, id)) diff.removed.push(id)
  } else {
    const changed = Object.entries(change.entries)
    const removed = change.removed.filter(had)
    entries = old.entries
    if (changed.length > 0 || removed.length > 0) {
      entries = { ...old.entries }
      for (const id of removed) delete entries[id]
      for (const [id, data] of changed) {
        ;(had(id) ? diff.changed : diff.added).push(id)
        entries[id] = data
      }
      for (const id of removed) diff.removed.push(id)
    }
  }
  const unchanged =
    old?.entries === entries &&
    old?.kind === change.kind &&
    old?.instance === change.instance &&
    old?.keyPrefix === change.keyPrefix
  if (old && unchanged) return old
  const snapshot: StoreSnapshot = { storeId: change.storeId, kind: change.kind, entries }
  if (change.instance !== undefined) snapshot.instance = change.instance
  if (change.keyPrefix !== undefined) snapshot.keyPrefix = change.keyPrefix
  return snapshot
}
