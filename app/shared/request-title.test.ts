import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../mocks/client'
import { requestTitle } from './request-title'

const login = {
  requestId: 1,
  method: 'POST',
  url: 'http://session.test/login?next=%2Fdashboard',
  response: { status: 302, statusMessage: 'Found', headers: [], body: '' },
  error: undefined,
} as unknown as Exchange

describe('requestTitle', () => {
  it('reads method, path with query and status from the network log', () => {
    expect(requestTitle(1, [login])).toBe('#1 POST /login?next=%2Fdashboard → 302')
  })

  it('names a failed exchange by its error code', () => {
    const failed = { ...login, response: undefined, error: { code: 'ERR_FAILED', message: '' } }
    expect(requestTitle(1, [failed])).toBe('#1 POST /login?next=%2Fdashboard → ERR_FAILED')
  })

  it('falls back to the number once the exchange is gone', () => {
    expect(requestTitle(9, [login])).toBe('#9')
  })
})
