import type { StoreChange, StoreCommand, StoreSnapshot } from './server-transport'
import type { HostedStore } from './engine'

export function snapshotStores(handles: readonly HostedStore[]): StoreSnapshot[] {
  return handles.map((handle) => {
    const snapshot: StoreSnapshot = {
      storeId: handle.storeId,
      kind: handle.kind,
      entries: handle.entries(),
    }
    if (handle.instance !== undefined) snapshot.instance = handle.instance
    if (handle.keyPrefix !== undefined) snapshot.keyPrefix = handle.keyPrefix
    const fields = handle.entryFields()
    if (fields !== undefined) snapshot.fields = Object.fromEntries(fields)
    return snapshot
  })
}

export interface StoreChangeTracker {
  /** Every store in `handles`, with what changed since the previous read. */
  read(handles: readonly HostedStore[]): StoreChange[]
}

/**
 * Remembers what the reader was last sent of each store (each entry's text), so that the next
 * read sends only the entries that changed and the ids that left. The stores are still read
 * whole here, in the server's thread, as text: only changed entries are parsed, and only they
 * cross to the page, which no longer copies, compares and re-parses every stored session after
 * every request.
 */
export function createStoreChangeTracker(): StoreChangeTracker {
  const known = new Map<number, { kind: string; json: Map<string, string> | undefined }>()
  return {
    read(handles) {
      const present = new Set<number>()
      const changes = handles.map((handle): StoreChange => {
        const { storeId, kind } = handle
        present.add(storeId)
        const texts = handle.entryTexts()
        const previous = known.get(storeId)
        const change: StoreChange = {
          storeId,
          kind,
          entries: undefined,
          removed: [],
          complete: true,
        }
        if (handle.instance !== undefined) change.instance = handle.instance
        if (handle.keyPrefix !== undefined) change.keyPrefix = handle.keyPrefix
        const fields = handle.entryFields()
        if (fields !== undefined) change.fields = Object.fromEntries(fields)
        if (texts === undefined) {
          known.set(storeId, { kind, json: undefined })
          return change
        }
        const before = previous?.kind === kind ? previous.json : undefined
        const changed: Record<string, unknown> = {}
        for (const [id, text] of texts)
          if (before?.get(id) !== text) changed[id] = handle.parseEntry(text)
        known.set(storeId, { kind, json: texts })
        change.entries = changed
        if (before) {
          change.complete = false
          for (const id of before.keys()) if (!texts.has(id)) change.removed.push(id)
        }
        return change
      })
      for (const storeId of [...known.keys()]) if (!present.has(storeId)) known.delete(storeId)
      return changes
    },
  }
}

export function applyStoreCommand(handles: readonly HostedStore[], command: StoreCommand): void {
  const handle = handles.find((candidate) => candidate.storeId === command.storeId)
  if (!handle) throw new Error(`no store with id ${command.storeId} in the running server`)
  switch (command.action) {
    case 'connect':
    case 'disconnect':
      handle.emitStatus(command.action)
      return
    case 'clear':
      handle.clear()
      return
    case 'delete':
      handle.remove(command.sessionId)
      return
    case 'write':
      handle.write(command.sessionId, command.data)
      return
  }
}
