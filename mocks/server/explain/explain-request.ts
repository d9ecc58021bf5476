import type { Explanation, RequestTrace } from './explanation-types'

/** Turns what the engine saw of a request into learner-facing sentences. */
export function explainRequest(_trace: RequestTrace): Explanation[] {
  return []
}
