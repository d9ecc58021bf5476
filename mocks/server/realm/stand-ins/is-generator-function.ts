/**
 * Stands in for is-generator-function (util@0.12's `types.isGeneratorFunction`) without
 * call-bound, safe-regex-test and get-intrinsic under it: a function whose source starts like a
 * generator, or whose prototype is that of generator functions (a bound generator, say).
 */
const sourceOf = Function.prototype.toString
const generatorSource = /^\s*(?:function)?\*/
const GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {}) as object

export function isGeneratorFunction(value: unknown): boolean {
  if (typeof value !== 'function') return false
  if (generatorSource.test(sourceOf.call(value))) return true
  return Object.getPrototypeOf(value) === GeneratorFunctionPrototype
}

export { isGeneratorFunction as 'module.exports' }
