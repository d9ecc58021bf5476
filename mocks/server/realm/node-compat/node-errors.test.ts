/**
 * Our Node-shaped errors against the real ones of the Node running this spec (Node 24): the
 * same message, name, code and string form for the same mistake.
 */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { invalidArgType, nodeError } from './node-errors'

const KEY_TYPES =
  'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey'

/** What Node's own createHmac throws for this key. */
function nodeKeyError(key: unknown): Error & { code?: string } {
  try {
    createHmac('sha256', key as string)
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected createHmac to throw')
}

class Foo {}

describe('invalidArgType', () => {
  it.each([
    ['a number', 42],
    ['negative zero', -0],
    ['NaN', Number.NaN],
    ['a boolean', false],
    ['a bigint', 12n],
    ['a symbol', Symbol('s')],
    ['a named function', function secret() {}],
    ['a plain object', {}],
    ['an array', []],
    ['a class instance', new Foo()],
    ['an object without prototype', Object.create(null) as object],
    ['null', null],
    ['undefined', undefined],
  ])('describes %s as Node does', (_label, value) => {
    const ours = invalidArgType('key', KEY_TYPES, value)
    const node = nodeKeyError(value)
    expect({
      name: ours.name,
      code: ours.code,
      message: ours.message,
      string: String(ours),
    }).toEqual({ name: node.name, code: node.code, message: node.message, string: String(node) })
  })
})

describe('nodeError', () => {
  it('puts the code in brackets in String() and the first stack line, as Node does', () => {
    const error = nodeError('ERR_SOMETHING', 'went wrong', RangeError)
    expect(error).toBeInstanceOf(RangeError)
    expect(String(error)).toBe('RangeError [ERR_SOMETHING]: went wrong')
    expect(error.stack?.split('\n')[0]).toBe('RangeError [ERR_SOMETHING]: went wrong')
    expect(Object.keys(error)).toEqual(['code'])
  })
})
