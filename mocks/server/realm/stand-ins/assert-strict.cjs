'use strict'
// Node's `assert/strict`, as much of it as connect-mongo's options checks use (the plain call
// form), shipped in the lazy MongoDB chunk for connect-mongo alone.

class AssertionError extends Error {
  constructor(options) {
    super(options.message)
    this.code = 'ERR_ASSERTION'
    this.actual = options.actual
    this.expected = options.expected
    this.operator = options.operator
    this.generatedMessage = options.generated
  }
  get name() {
    return 'AssertionError'
  }
}

function ok(value, message) {
  if (value) return
  if (message instanceof Error) throw message
  throw new AssertionError({
    message: message ?? 'The expression evaluated to a falsy value',
    actual: value,
    expected: true,
    operator: '==',
    generated: message === undefined,
  })
}

function strictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) return
  if (message instanceof Error) throw message
  throw new AssertionError({
    message: message ?? `Expected values to be strictly equal:\n\n${actual} !== ${expected}\n`,
    actual,
    expected,
    operator: 'strictEqual',
    generated: message === undefined,
  })
}

const assert = Object.assign((value, message) => ok(value, message), {
  ok,
  strictEqual,
  equal: strictEqual,
  AssertionError,
})
assert.strict = assert

module.exports = assert
