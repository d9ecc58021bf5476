import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../lesson-loader/evaluate-check'
import { announceCheckChanges } from './check-announcement'

function results(...passed: boolean[]): CheckResult[] {
  return passed.map((ok, index) => ({
    passed: ok,
    label: `check ${index + 1}`,
    detail: ok ? undefined : 'no',
  }))
}

describe('announceCheckChanges', () => {
  it('stays quiet when there is nothing to compare with', () => {
    expect(announceCheckChanges(undefined, results(true), false)).toBe('')
    expect(announceCheckChanges(results(false), undefined, false)).toBe('')
  })

  it('names a check that just passed', () => {
    expect(announceCheckChanges(results(false, false), results(true, false), false)).toBe(
      'Check passed: check 1.',
    )
  })

  it('names a check that stopped passing', () => {
    expect(announceCheckChanges(results(true, false), results(false, false), false)).toBe(
      'Check no longer passes: check 1.',
    )
  })

  it('says when the step is complete, and when that completes the lesson', () => {
    expect(announceCheckChanges(results(true, false), results(true, true), false)).toBe(
      'Check passed: check 2. All checks pass: the step is complete. The next step is available.',
    )
    expect(announceCheckChanges(results(false), results(true), true)).toBe(
      'Check passed: check 1. All checks pass: the lesson is complete. Well done!',
    )
  })

  it('says nothing when nothing changed', () => {
    expect(announceCheckChanges(results(true, false), results(true, false), false)).toBe('')
  })
})
