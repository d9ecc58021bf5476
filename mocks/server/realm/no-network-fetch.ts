/**
 * `fetch` as server code sees it: it always fails, as on a machine without a network.
 *
 * Its promise is rejected by a function evaluated the way server.js is (evaluate-expression.ts),
 * not by the realm bundle. Firefox reports a rejection nobody handles only when the script that
 * made it is the sandbox's own, and Node exits when a `fetch()` nobody awaits fails. That
 * function is made on the first call, so a server that never fetches evaluates nothing more.
 */
import { evaluateExpression } from './evaluate-expression'
import { fetchFailure } from './node-compat/web-globals'

type Fetch = (input: unknown, init?: unknown) => Promise<never>

let rejectWithFailure: Fetch | undefined

export function fetch(input: unknown, init?: unknown): Promise<never> {
  rejectWithFailure ??= (
    evaluateExpression(
      '(function (failure) { return function fetch(input, init) { return Promise.reject(failure(input)) } })',
      'node:internal/deps/undici/undici',
    ) as (failure: (input: unknown) => TypeError) => Fetch
  )(fetchFailure)
  return rejectWithFailure(input, init)
}
