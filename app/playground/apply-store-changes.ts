import type { StoreChange, StoreView } from '../../mocks/server'
import type { StoreDiff } from '../state/activity-slice'

type StoreChanges = Omit<StoreDiff, 'requestId'>

/**
 * The stores after `changes` (from `readStoreChanges()`), and the session ids they added,
 * changed and removed. Stores and entries maps that did not change are kept as they were, so
 * the panels that show them need not look again; an entry that did not change keeps its object
 * in a changed store too.
 */
export function applyStoreChanges(
  previous: readonly StoreView[],
  changes: readonly StoreChange[],
): { stores: StoreView[]; diff: StoreChanges } {
  const diff: StoreChanges = { added: [], changed: [], removed: [] }
  const before = new Map(previous.map((store) => [store.storeId, store]))
  const stores = changes.map((change) => {
    const old = before.get(change.storeId)
    before.delete(change.storeId)
    return changedStore(old, change, diff)
  })
  // Stores that are gone (a restart numbered them anew) take their sessions with them.
  for (const gone of before.values())
    for (const id of gone.entries?.keys() ?? []) diff.removed.push(id)
  const same =
    stores.length === previous.length && stores.every((store, index) => store === previous[index])
  return { stores: same ? (previous as StoreView[]) : stores, diff }
}

function changedStore(
  old: StoreView | undefined,
  change: StoreChange,
  diff: StoreChanges,
): StoreView {
  const before: ReadonlyMap<string, unknown> = old?.entries ?? new Map()
  let entries: ReadonlyMap<string, unknown> | undefined
  if (change.entries === undefined) {
    // Unreadable now: what was shown of it is gone.
    for (const id of before.keys()) diff.removed.push(id)
  } else if (change.complete || !old?.entries) {
    // A whole picture (a fresh reader): compared entry by entry with what the page had.
    const all = new Map(Object.entries(change.entries))
    for (const [id, data] of all) {
      if (!before.has(id)) diff.added.push(id)
      else if (JSON.stringify(before.get(id)) !== JSON.stringify(data)) diff.changed.push(id)
    }
    for (const id of before.keys()) if (!all.has(id)) diff.removed.push(id)
    entries = all
  } else {
    const changed = Object.entries(change.entries)
    const removed = change.removed.filter((id) => before.has(id))
    entries = old.entries
    if (changed.length > 0 || removed.length > 0) {
      const next = new Map(old.entries)
      for (const id of removed) next.delete(id)
      for (const [id, data] of changed) {
        ;(before.has(id) ? diff.changed : diff.added).push(id)
        next.set(id, data)
      }
      for (const id of removed) diff.removed.push(id)
      entries = next
    }
  }
  const fields = change.fields && new Map(Object.entries(change.fields))
  const sameFields = JSON.stringify(change.fields) === JSON.stringify(fieldsObject(old?.fields))
  const unchanged =
    sameFields &&
    old?.entries === entries &&
    old?.kind === change.kind &&
    old?.instance === change.instance &&
    old?.keyPrefix === change.keyPrefix
  if (old && unchanged) return old
  const store: StoreView = { storeId: change.storeId, kind: change.kind, entries }
  if (change.instance !== undefined) store.instance = change.instance
  if (change.keyPrefix !== undefined) store.keyPrefix = change.keyPrefix
  if (fields) store.fields = sameFields && old?.fields ? old.fields : fields
  return store
}

function fieldsObject(fields: StoreView['fields']) {
  return fields && Object.fromEntries(fields)
}
