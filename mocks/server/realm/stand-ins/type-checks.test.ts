import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { isArguments } from './is-arguments'
import { isGeneratorFunction } from './is-generator-function'
import { isTypedArray } from './is-typed-array'
import { whichTypedArray } from './which-typed-array'

const require = createRequire(import.meta.url)
type Check = (value: unknown) => unknown

/** Values of every kind util.types is asked about, odd ones included. */
function samples(): unknown[] {
  const argumentsObject = function (..._rest: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments
  }
  const args = argumentsObject(1, 2)
  const Float16 = (globalThis as unknown as Record<string, Uint8ArrayConstructor | undefined>)
    .Float16Array
  function* generator() {}
  async function* asyncGenerator() {}
  const typedArrays = [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    ...(Float16 ? [Float16] : []),
  ].map((Kind) => new Kind(2))
  return [
    undefined,
    null,
    0,
    1,
    '',
    'function* () {}',
    true,
    Symbol('s'),
    10n,
    {},
    [],
    { length: 0, callee: () => {} },
    args,
    Object.assign(Object.create(null) as object, { [Symbol.toStringTag]: 'Arguments' }),
    Object.defineProperty(argumentsObject(), Symbol.toStringTag, { value: 'Arguments' }),
    { [Symbol.toStringTag]: 'Uint8Array' },
    ...typedArrays,
    Buffer.from('abc'),
    new DataView(new ArrayBuffer(2)),
    new ArrayBuffer(2),
    new Proxy(new Uint8Array(1), {}),
    Object.create(Uint8Array.prototype) as object,
    generator,
    generator.bind(null),
    asyncGenerator,
    generator(),
    async () => {},
    function () {},
    class {},
    Object.setPrototypeOf(() => {}, Object.getPrototypeOf(generator) as object),
    { toString: () => 'function*' },
  ]
}

describe.each([
  ['is-arguments', isArguments],
  ['is-generator-function', isGeneratorFunction],
  ['which-typed-array', whichTypedArray],
  ['is-typed-array', isTypedArray],
] as [string, Check][])('the %s stand-in', (name, standIn) => {
  it('answers as the real package does', () => {
    const real = require(name) as Check
    const values = samples()
    expect(values.map(standIn)).toEqual(values.map(real))
  })
})
