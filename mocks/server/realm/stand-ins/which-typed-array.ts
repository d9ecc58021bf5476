/**
 * Stands in for which-typed-array, which util@0.12's `types` uses. The real package reaches the
 * typed arrays' name getter through a tree of polyfill packages (get-intrinsic, call-bind,
 * for-each, gopd…) so that it works on engines without Symbol.toStringTag; every engine the realm
 * runs on has it, so this calls the getter directly. Same answers: the typed array's name, for
 * the kinds available-typed-arrays reports, else false.
 */
import availableTypedArrays from 'available-typed-arrays'

// %TypedArray%.prototype[Symbol.toStringTag] returns the [[TypedArrayName]] of a typed array and
// undefined for anything else (a Proxy included); it never throws.
const nameOf = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Symbol.toStringTag,
)?.get as (this: unknown) => string | undefined
const available = new Set<string>(availableTypedArrays())

export function whichTypedArray(value: unknown): string | false {
  if (!value || typeof value !== 'object') return false
  const name = nameOf.call(value)
  return name !== undefined && available.has(name) ? name : false
}

export { whichTypedArray as 'module.exports' }
