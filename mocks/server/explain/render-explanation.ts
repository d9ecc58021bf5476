/**
 * Turns a code and its per-request values into an Explanation, from the catalogue's template.
 * Ordering lives here too: errors first, then warnings, then information, each group in the
 * catalogue's narrative order.
 */
import {
  EXPLANATION_CATALOGUE,
  EXPLANATION_CODES,
  type ExplanationCode,
} from './explanation-catalogue'
import type { Explanation, ExplanationLevel } from './explanation-types'

/** A decision found in a trace, before it becomes a sentence. */
export interface Finding {
  code: ExplanationCode
  values?: Readonly<Record<string, string>>
}

export function finding(code: ExplanationCode, values?: Record<string, string>): Finding {
  return values ? { code, values } : { code }
}

/**
 * Fills `{placeholder}`s. A placeholder without a value is a bug in the explainer, not in the
 * learner's code: it throws, naming the code and the placeholder.
 */
export function renderExplanation(item: Finding): Explanation {
  const { level, template } = EXPLANATION_CATALOGUE[item.code]
  const sentence = template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = item.values?.[key]
    if (value === undefined) {
      throw new Error(`explanation ${item.code} needs a value for {${key}}`)
    }
    return value
  })
  return { code: item.code, level, sentence }
}

const LEVEL_RANK: Record<ExplanationLevel, number> = { error: 0, warning: 1, info: 2 }
// Built on first use: a module-level map would keep the whole catalogue in every bundle that
// imports the server's door, even one that never sorts an explanation.
let narrativeRank: Map<string, number> | undefined
function rankInNarrative(code: string): number {
  narrativeRank ??= new Map(EXPLANATION_CODES.map((entry, index) => [entry as string, index]))
  return narrativeRank.get(code) ?? 0
}

/** Most important first, each sentence once. */
export function orderExplanations(explanations: readonly Explanation[]): Explanation[] {
  const seen = new Set<string>()
  const unique = explanations.filter((explanation) => {
    const key = `${explanation.code}\n${explanation.sentence}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return unique.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      rankInNarrative(a.code) - rankInNarrative(b.code),
  )
}

/** Session ids are 32 characters; the first 8 are enough to tell them apart in a sentence. */
export function shortId(sessionId: string): string {
  return sessionId.length > 12 ? `${sessionId.slice(0, 8)}…` : sessionId
}
