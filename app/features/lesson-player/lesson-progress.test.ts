import { describe, expect, it } from 'vitest'
import type { Lesson, ParsedLesson, RenderedStep } from '../../lesson-loader/parse-lesson'
import type { LessonStep } from '../../lesson-loader/lesson-schema'
import { findStep, lessonStatus, nextLessonAfter, stepToShow } from './lesson-progress'
import { lessonEntry } from '../../lesson-loader/lesson-summary'

function step(id: string): RenderedStep {
  const checks: LessonStep['checks'] = [{ console: { includes: 'x' } }]
  return { id, title: id, instructions: id, instructionsHtml: id, do: [], checks }
}

function lesson(id: string, stepIds = ['one', 'two', 'three']): Lesson {
  return {
    id,
    number: Number(id.slice(0, 2)),
    title: id,
    summary: id,
    editable: true,
    instances: 1,
    steps: stepIds.map(step),
    proseHtml: '',
    takeawayHtml: undefined,
    serverSource: '',
  }
}

const counter = lesson('01-counter')

describe('lessonStatus', () => {
  it.each([
    [undefined, { completed: 0, total: 3, done: false }],
    [{ completedStepIds: ['two'] }, { completed: 1, total: 3, done: false }],
    [{ completedStepIds: ['one', 'two', 'three'] }, { completed: 3, total: 3, done: true }],
    [{ completedStepIds: ['one', 'gone'] }, { completed: 1, total: 3, done: false }],
  ])('counts %j as %j', (progress, status) => {
    expect(lessonStatus(counter, progress)).toEqual(status)
  })
})

describe('findStep', () => {
  it('finds a step by id, with its position', () => {
    expect(findStep(counter, 'two')).toMatchObject({ index: 1, step: { id: 'two' } })
  })

  it.each([undefined, 'four'])('finds nothing for %j', (stepId) => {
    expect(findStep(counter, stepId)).toBeUndefined()
  })
})

describe('stepToShow', () => {
  it.each<[string | undefined, string | undefined, string]>([
    ['three', 'two', 'three'],
    [undefined, 'two', 'two'],
    [undefined, undefined, 'one'],
    [undefined, 'removed', 'one'],
    ['removed', undefined, 'one'],
  ])('with link step %j and saved step %j shows %s', (requested, saved, shown) => {
    const progress =
      saved === undefined ? undefined : { completedStepIds: [], currentStepId: saved }
    expect(stepToShow(counter, requested, progress).step.id).toBe(shown)
  })
})

describe('nextLessonAfter', () => {
  const broken: ParsedLesson = { ok: false, id: '02-broken', problems: [] }
  const parsed: ParsedLesson[] = [
    { ok: true, lesson: counter },
    broken,
    { ok: true, lesson: lesson('03-login') },
  ]
  const lessons = parsed.map(lessonEntry)

  it('skips lessons that cannot be opened', () => {
    expect(nextLessonAfter(lessons, '01-counter')?.id).toBe('03-login')
    expect(nextLessonAfter(lessons, '02-broken')?.id).toBe('03-login')
  })

  it('has nothing after the last lesson or an unknown one', () => {
    expect(nextLessonAfter(lessons, '03-login')).toBeUndefined()
    expect(nextLessonAfter(lessons, '99-unknown')).toBeUndefined()
  })
})
