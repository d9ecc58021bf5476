/**
 * Labels of explanation checks, in words: "On Alice's last request to /login: the session
 * cookie's signature did not verify…". The lesson parser gives an unlabelled check its code's
 * title from the explanation catalogue; the evaluator falls back to the code only for a check
 * built without one.
 */
import type { LessonCheck } from './lesson-schema.ts'

type ExplanationCheck = Extract<LessonCheck, { explanation: unknown }>['explanation']

/** "Alice's last request to /login", or "the last request". */
export function requestNamed(check: Pick<ExplanationCheck, 'profile' | 'path'>): string {
  const whose = check.profile ? `${check.profile}'s last request` : 'the last request'
  return check.path ? `${whose} to ${check.path}` : whose
}

export function explanationCheckLabel(check: ExplanationCheck, what: string): string {
  return check.present
    ? `On ${requestNamed(check)}: ${what}`
    : `Not on ${requestNamed(check)}: ${what}`
}

/** An explanation check the lesson did not label gets its code's title, never the bare code. */
export function withTitledLabel(
  check: LessonCheck,
  titles: Readonly<Record<string, string>> | undefined,
): LessonCheck {
  if (!('explanation' in check) || check.label !== undefined) return check
  const title = titles?.[check.explanation.code]
  return title === undefined
    ? check
    : { ...check, label: explanationCheckLabel(check.explanation, title) }
}
