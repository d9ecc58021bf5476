import { describe, expect, it } from 'vitest'
import { playgroundStore } from './store'

const call = (requestId: number | undefined, operation: 'get' | 'set') => ({
  requestId,
  storeId: 1,
  operation,
  sessionId: 'abc',
  expired: false,
})
const query = (sql: string) => ({ sql, params: ['abc'], rowCount: 1 })

describe('the SQL of store calls', () => {
  it("attaches each statement to its request's latest store call, and drops those outside any call", () => {
    playgroundStore.setState(playgroundStore.getInitialState(), true)
    playgroundStore.getState().recordActivity([
      { kind: 'store-call', call: call(1, 'get') },
      { kind: 'store-query', requestId: 1, query: query('SELECT sess') },
      { kind: 'store-call', call: call(2, 'get') },
      { kind: 'store-call', call: call(1, 'set') },
      { kind: 'store-query', requestId: 1, query: query('INSERT INTO') },
      { kind: 'store-query', requestId: undefined, query: query('DELETE FROM') },
    ])
    const calls = playgroundStore.getState().storeCalls
    expect(calls.map((stored) => stored.queries?.map(({ sql }) => sql))).toEqual([
      ['SELECT sess'],
      undefined,
      ['INSERT INTO'],
    ])
  })
})
