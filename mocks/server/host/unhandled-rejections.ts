/**
 * The Node API runs server code in the host's own process, where a rejection nobody handles
 * would end the host (Node 15+). Each server's code runs inside an AsyncLocalStorage context of
 * its own; Node 24 calls 'unhandledRejection' listeners in the rejected promise's context, so a
 * rejection can be given to the simulated server that made it, which crashes as Node would.
 *
 * A rejection that belongs to no simulated server is the host's own: it gets what Node does by
 * default, unless the host listens for them itself.
 */

export interface RejectionOwner {
  reportUnhandledRejection(reason: unknown): void
}

interface AsyncLocalStorageLike<T> {
  run<R>(store: T, callback: () => R): R
  getStore(): T | undefined
}

interface NodeProcessLike {
  getBuiltinModule?(id: string): unknown
  on(event: string, listener: (...args: unknown[]) => void): void
  off(event: string, listener: (...args: unknown[]) => void): void
  listenerCount(event: string): number
  nextTick(callback: () => void): void
}

export interface RejectionRouter {
  /** Runs `run` as `owner`'s code: promises it creates belong to `owner`. */
  runOwned<T>(owner: RejectionOwner, run: () => T): T
  /** Starts routing `owner`'s rejections to it; the returned function stops. */
  watch(owner: RejectionOwner): () => void
}

function nodeProcess(): NodeProcessLike | undefined {
  const candidate = (globalThis as { process?: NodeProcessLike }).process
  return typeof candidate?.getBuiltinModule === 'function' ? candidate : undefined
}

export function createRejectionRouter(): RejectionRouter {
  const host = nodeProcess()
  const asyncHooks = host?.getBuiltinModule?.('node:async_hooks') as
    { AsyncLocalStorage: new <T>() => AsyncLocalStorageLike<T> } | undefined
  if (!host || !asyncHooks) {
    return { runOwned: (_owner, run) => run(), watch: () => () => {} }
  }
  const storage = new asyncHooks.AsyncLocalStorage<RejectionOwner>()
  const owners = new Set<RejectionOwner>()

  const onRejection = (reason: unknown) => {
    const owner = storage.getStore()
    if (owner && owners.has(owner)) {
      owner.reportUnhandledRejection(reason)
      return
    }
    // The host's own rejection. Another listener of the host's takes it; with ours alone, Node's
    // default (throw) applies.
    if (host.listenerCount('unhandledRejection') > 1) return
    host.nextTick(() => {
      throw reason
    })
  }

  return {
    runOwned: (owner, run) => storage.run(owner, run),
    watch(owner) {
      if (owners.size === 0) host.on('unhandledRejection', onRejection)
      owners.add(owner)
      return () => {
        if (!owners.delete(owner) || owners.size > 0) return
        host.off('unhandledRejection', onRejection)
      }
    },
  }
}
