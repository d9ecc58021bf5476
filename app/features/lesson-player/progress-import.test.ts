import { describe, expect, it } from 'vitest'
import { planImport } from './progress-import'

const known = [
  { id: '01-first-session', title: 'Your first session', steps: [{ id: 'a' }, { id: 'b' }] },
  { id: '02-cookie', title: 'The cookie', steps: [{ id: 'c' }] },
]

describe('planImport', () => {
  it('takes known lessons and steps, skips and names the rest', () => {
    const plan = planImport(
      {
        '01-first-session': { completedStepIds: ['a', 'gone'], currentStepId: 'gone' },
        '99-unknown': { completedStepIds: ['x'] },
      },
      known,
      {},
    )
    expect(plan.next).toEqual({ '01-first-session': { completedStepIds: ['a'] } })
    expect(plan.skipped).toEqual([
      '01-first-session: gone (no such step)',
      '99-unknown (no such lesson)',
    ])
  })

  it('lists what each lesson goes from and to, including progress the import removes', () => {
    const plan = planImport({ '01-first-session': { completedStepIds: ['a', 'b'] } }, known, {
      '02-cookie': { completedStepIds: ['c'] },
    })
    expect(plan.changes).toEqual([
      {
        lessonId: '01-first-session',
        title: 'Your first session',
        completedBefore: 0,
        completedAfter: 2,
      },
      { lessonId: '02-cookie', title: 'The cookie', completedBefore: 1, completedAfter: 0 },
    ])
  })

  it('imports nothing from a file of unknown lessons only', () => {
    const plan = planImport(
      { '98-a': { completedStepIds: [] }, '99-b': { completedStepIds: [] } },
      known,
      {},
    )
    expect(plan.next).toEqual({})
    expect(plan.skipped).toHaveLength(2)
  })
})
