import { describe, expect, it } from 'vitest'
import { rejectSharedNumbers } from './lesson-numbers'
import type { ParsedLesson } from './parse-lesson'

const titleMissing = (id: string) => ({
  file: `lessons/${id}/lesson.md`,
  line: 2,
  field: 'title',
  message: 'missing',
})
const broken = (id: string): ParsedLesson => ({ ok: false, id, problems: [titleMissing(id)] })

describe('rejectSharedNumbers', () => {
  it('fails every folder whose number another folder has, and keeps their other problems', () => {
    const checked = rejectSharedNumbers(
      [broken('13-load-balancer'), broken('14-a'), broken('14-b'), broken('14-c')],
      'lessons',
    )
    expect(checked[0]).toEqual(broken('13-load-balancer'))
    expect(checked[1]).toEqual({
      ok: false,
      id: '14-a',
      problems: [
        {
          file: 'lessons/14-a',
          line: 1,
          field: 'folder',
          message: 'lesson number 14 is also used by 14-b, 14-c; give each lesson its own number',
        },
        titleMissing('14-a'),
      ],
    })
    expect(checked.slice(2).map((lesson) => !lesson.ok && lesson.problems[0]?.message)).toEqual([
      'lesson number 14 is also used by 14-a, 14-c; give each lesson its own number',
      'lesson number 14 is also used by 14-a, 14-b; give each lesson its own number',
    ])
  })
})
