import { describe, expect, it } from 'vitest'
import type { StoreCall } from '../../state/activity-slice'
import { groupStoreActivity, shortId } from './store-activity'
import { loginExchange } from '../../../tests/support/jar-fixtures'

function call(
  requestId: number | undefined,
  operation: StoreCall['operation'],
  sessionId = 'id',
): StoreCall {
  return { requestId, storeId: 1, operation, sessionId, expired: false }
}

const login = loginExchange

describe('groupStoreActivity', () => {
  it('groups calls by request in request order, with each request’s diff', () => {
    const groups = groupStoreActivity(
      [call(1, 'destroy', 'old'), call(1, 'set', 'new'), call(2, 'get', 'new')],
      [
        { requestId: 1, added: ['new'], changed: [], removed: [] },
        { requestId: 2, added: [], changed: [], removed: [] },
      ],
      [login],
    )
    expect(
      groups.map((group) => [group.title, group.calls.map((c) => c.operation), group.diff?.added]),
    ).toEqual([
      ['#1 POST /login → 302', ['destroy', 'set'], ['new']],
      ['#2', ['get'], []],
    ])
  })

  it('keeps calls made outside any request where they happened', () => {
    const groups = groupStoreActivity(
      [call(1, 'get'), call(undefined, 'all'), call(2, 'get')],
      [],
      [],
    )
    expect(groups.map((group) => group.title)).toEqual(['#1', 'Outside any request', '#2'])
  })

  it('lists a request that changed the store without calling it, and skips one that did neither', () => {
    const groups = groupStoreActivity(
      [call(3, 'get')],
      [
        { requestId: 1, added: [], changed: [], removed: [] },
        { requestId: 2, added: [], changed: [], removed: ['x'] },
      ],
      [],
    )
    expect(groups.map((group) => group.key)).toEqual(['request-2', 'request-3'])
  })
})

describe('shortId', () => {
  it('abbreviates as the explanations do', () => {
    expect(shortId('ubpDZmcvWfPGAwrsz3-am-Alt6lAp5us')).toBe('ubpDZmcv…')
    expect(shortId('short')).toBe('short')
  })
})
