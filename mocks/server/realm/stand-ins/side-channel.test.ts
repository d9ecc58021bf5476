import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import * as standIn from './side-channel'

type Channel = standIn.SideChannel
const require = createRequire(import.meta.url)
const realGetSideChannel = require('side-channel') as () => Channel
// Rolldown gives the CommonJS importer the 'module.exports' export; the spec imports it by name.
const getSideChannel = (standIn as unknown as Record<'module.exports', () => Channel>)[
  'module.exports'
]

const object = {}
const fn = () => {}
const keys: unknown[] = [object, fn, [], null, undefined, NaN, 0, -0, 1, '', 'a', true, Symbol('s')]

/** Runs the same script of calls on a channel and records every answer (or error message). */
function transcript(channel: Channel): unknown[] {
  const answers: unknown[] = []
  const record = (call: () => unknown) => {
    try {
      answers.push(call())
    } catch (error) {
      answers.push(`${(error as Error).name}: ${(error as Error).message}`)
    }
  }
  for (const key of keys) record(() => [channel.has(key), channel.get(key), channel.delete(key)])
  keys.forEach((key, index) => channel.set(key, index))
  for (const key of keys) record(() => [channel.has(key), channel.get(key)])
  record(() => channel.get({}))
  record(() => channel.assert({}))
  record(() => channel.assert(object))
  for (const key of keys) record(() => channel.delete(key))
  for (const key of keys) record(() => [channel.has(key), channel.delete(key)])
  for (const key of [2, null, undefined, true, 1n]) record(() => channel.assert(key))
  return answers
}

describe('the side-channel stand-in', () => {
  it('answers every call as the real side-channel does', () => {
    expect(transcript(getSideChannel())).toEqual(transcript(realGetSideChannel()))
  })

  it('keeps object keys apart by identity and primitives by SameValueZero, as Map does', () => {
    const channel = getSideChannel()
    channel.set(0, 'zero')
    channel.set({}, 'one object')
    expect([channel.get(-0), channel.get({}), channel.has(NaN)]).toEqual(['zero', undefined, false])
  })
})
