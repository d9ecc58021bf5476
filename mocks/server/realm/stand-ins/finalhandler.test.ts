import { describe, expect, it } from 'vitest'
import { withMessageLine } from './finalhandler'

function errorWithStack(stack: string): TypeError {
  const error = new TypeError('req.body is undefined')
  Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true })
  return error
}

describe("an error's stack as Express shows it", () => {
  it('gains Node’s first line where the engine wrote frames only (SpiderMonkey, JavaScriptCore)', () => {
    const frames = '@server.js:39:34\nhandleRequest@http://x/assets/worker.js:1438:30430'
    const error = errorWithStack(frames)
    withMessageLine(error)
    expect(error.stack).toBe(`TypeError: req.body is undefined\n${frames}`)
    // Once is enough: a second pass (a second handler) changes nothing.
    withMessageLine(error)
    expect(error.stack).toBe(`TypeError: req.body is undefined\n${frames}`)
  })

  it('recognises JavaScriptCore’s bare “@” frame of evaluated code', () => {
    const error = errorWithStack('@\nhandleRequest@http://x/assets/worker.js:1:2')
    withMessageLine(error)
    expect(error.stack?.split('\n', 2)).toEqual(['TypeError: req.body is undefined', '@'])
  })

  it('gets that line alone when the engine gave no frames at all', () => {
    const error = errorWithStack('')
    withMessageLine(error)
    expect(error.stack).toBe('TypeError: req.body is undefined')
  })

  it('stays exactly as V8 (and so Node) wrote it', () => {
    const error = new Error('boom')
    const stack = error.stack
    error.message = 'changed later'
    withMessageLine(error)
    expect(error.stack).toBe(stack)
  })

  it('leaves anything that is not an error alone', () => {
    const thrown = { stack: '@a.js:1:1' }
    withMessageLine(thrown)
    withMessageLine('a string')
    withMessageLine(undefined)
    expect(thrown.stack).toBe('@a.js:1:1')
  })
})
