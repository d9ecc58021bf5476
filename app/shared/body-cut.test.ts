import { describe, expect, it } from 'vitest'
import { MAX_RESPONSE_BODY_BYTES } from '../../mocks/client'
import { bodyCutNotice } from './body-cut'

describe('bodyCutNotice', () => {
  it.each([
    [50 * 1024 * 1024, 'The body is 50 MB; the browser keeps and shows its first 1 MB.'],
    [
      MAX_RESPONSE_BODY_BYTES + 300 * 1024,
      'The body is 1.3 MB; the browser keeps and shows its first 1 MB.',
    ],
  ])('says how much of %d bytes is shown', (bytes, notice) => {
    expect(bodyCutNotice(bytes)).toBe(notice)
  })
})
