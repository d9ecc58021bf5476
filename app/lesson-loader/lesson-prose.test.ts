import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findTakeaway, proseWithoutTitle } from './lesson-prose'

describe('findTakeaway', () => {
  it("finds lesson 1's takeaway paragraph, with its line breaks", () => {
    const markdown = readFileSync(
      join(import.meta.dirname, '../../lessons/01-first-session/lesson.md'),
      'utf8',
    )
    expect(findTakeaway(markdown)).toBe(
      "the browser holds an id, the server holds the data. Look at both in the panels:\nthe cookie's value contains the same id as the store entry.",
    )
  })

  it.each([
    ['Intro.\n\n**Takeaway:** one line.\n\nMore.', 'one line.'],
    ['**Takeaway**: colon outside.', 'colon outside.'],
    ['Intro.\n\n**takeaway:** lower case.', 'lower case.'],
  ])('reads %j', (prose, takeaway) => {
    expect(findTakeaway(prose)).toBe(takeaway)
  })

  it.each(['No takeaway here.', 'Some **Takeaway:** in the middle of a line.', '**Takeaway:**'])(
    'finds none in %j',
    (prose) => {
      expect(findTakeaway(prose)).toBeUndefined()
    },
  )
})

describe('proseWithoutTitle', () => {
  it('drops a leading heading that repeats the title', () => {
    expect(
      proseWithoutTitle('# Your first session\n\nHTTP is stateless.', 'Your first session'),
    ).toBe('HTTP is stateless.')
  })

  it.each([
    ['# Another heading\n\nText.', 'Your first session'],
    ['Text first.\n\n# Your first session', 'Your first session'],
    ['## Your first session\n\nText.', 'Your first session'],
  ])('keeps %j', (prose, title) => {
    expect(proseWithoutTitle(prose, title)).toBe(prose)
  })
})
