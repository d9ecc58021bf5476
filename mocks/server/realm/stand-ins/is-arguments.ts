/**
 * Stands in for is-arguments (util@0.12's `types.isArgumentsObject`) without call-bound and
 * get-intrinsic under it. Every engine the realm runs on tags arguments objects, so this is the
 * real package's "standard" check: an object that claims a Symbol.toStringTag of its own choice
 * is not taken at its word.
 */
const toString = Object.prototype.toString

export function isArguments(value: unknown): boolean {
  if (value && typeof value === 'object' && Symbol.toStringTag in value) return false
  return toString.call(value) === '[object Arguments]'
}

export { isArguments as 'module.exports' }
