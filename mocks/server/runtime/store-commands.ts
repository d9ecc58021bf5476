import type { StoreHandle } from './realm-types'
import type { StoreCommand, StoreSnapshot } from './server-transport'
import { instanceOfStore } from './cluster'

export function snapshotStores(handles: readonly StoreHandle[]): StoreSnapshot[] {
  return handles.map((handle) => {
    const snapshot: StoreSnapshot = {
      storeId: handle.storeId,
      kind: handle.kind,
      entries: handle.entries(),
    }
    const instance = instanceOfStore(handle.storeId)
    if (instance !== undefined) snapshot.instance = instance
    return snapshot
  })
}

export function applyStoreCommand(handles: readonly StoreHandle[], command: StoreCommand): void {
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
