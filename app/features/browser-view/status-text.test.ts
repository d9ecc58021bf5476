import { describe, expect, it } from 'vitest'
import { statusLine } from './status-text'

describe('statusLine', () => {
  it.each([
    [200, '200 OK'],
    [204, '204 No Content'],
    [302, '302 Found'],
    [401, '401 Unauthorized'],
    [500, '500 Internal Server Error'],
    [299, '299'],
  ])('writes %i as %j', (status, line) => {
    expect(statusLine(status)).toBe(line)
  })
})
