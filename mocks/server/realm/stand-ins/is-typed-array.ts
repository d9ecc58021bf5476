/** Stands in for is-typed-array (util@0.12's `types.isTypedArray`); see which-typed-array.ts. */
import { whichTypedArray } from './which-typed-array'

export function isTypedArray(value: unknown): boolean {
  return whichTypedArray(value) !== false
}

export { isTypedArray as 'module.exports' }
