/**
 * Stands in for side-channel, which qs uses to remember the objects it has met (cycles, arrays it
 * has grown). The real package reaches WeakMap and Map through get-intrinsic and call-bound, to
 * survive a page that replaces them, and describes keys with object-inspect; the realm's own
 * WeakMap and Map are its own, so using them directly behaves the same, without those packages.
 */
import { inspect } from 'node-inspect-extracted'

export interface SideChannel {
  assert(key: unknown): void
  delete(key: unknown): boolean
  get(key: unknown): unknown
  has(key: unknown): boolean
  set(key: unknown, value: unknown): void
}

/** Objects and functions are held weakly, as in side-channel-weakmap; other keys in a Map. */
function isObjectKey(key: unknown): key is object {
  return (typeof key === 'object' && key !== null) || typeof key === 'function'
}

function getSideChannel(): SideChannel {
  const objects = new WeakMap<object, unknown>()
  const primitives = new Map<unknown, unknown>()
  const channel: SideChannel = {
    assert(key) {
      // qs never asserts; side-channel's message names no object, and inspects anything else.
      if (!channel.has(key)) {
        const description = isObjectKey(key) ? 'the given object key' : inspect(key)
        throw new TypeError(`Side channel does not contain ${description}`)
      }
    },
    delete: (key) => (isObjectKey(key) ? objects.delete(key) : primitives.delete(key)),
    get: (key) => (isObjectKey(key) ? objects.get(key) : primitives.get(key)),
    has: (key) => (isObjectKey(key) ? objects.has(key) : primitives.has(key)),
    set(key, value) {
      if (isObjectKey(key)) objects.set(key, value)
      else primitives.set(key, value)
    },
  }
  return channel
}

export { getSideChannel as 'module.exports' }
