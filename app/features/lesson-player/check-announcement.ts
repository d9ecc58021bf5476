/**
 * What the player says aloud (politely, through an aria-live region) when check results change:
 * which checks just passed or stopped passing, and when the whole step is complete. Pure.
 */
import type { CheckResult } from '../../lesson-loader/evaluate-check'

export function announceCheckChanges(
  before: readonly CheckResult[] | undefined,
  after: readonly CheckResult[] | undefined,
  completesLesson: boolean,
): string {
  // Nothing to compare with (the step just opened, or the server is starting): stay quiet.
  if (!before || !after || before.length !== after.length) return ''
  const sentences: string[] = []
  after.forEach((result, index) => {
    const was = before[index]?.passed
    if (result.passed && !was) sentences.push(`Check passed: ${result.label}.`)
    if (!result.passed && was) sentences.push(`Check no longer passes: ${result.label}.`)
  })
  const allNow = after.every((result) => result.passed)
  const allBefore = before.every((result) => result.passed)
  if (allNow && !allBefore)
    sentences.push(
      completesLesson
        ? 'All checks pass: the lesson is complete. Well done!'
        : 'All checks pass: the step is complete. The next step is available.',
    )
  return sentences.join(' ')
}
