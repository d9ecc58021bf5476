import { describe, expect, it } from 'vitest'
import {
  parseProgressFile,
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_MAX_BYTES,
  progressFileName,
  serializeProgressFile,
} from './progress-file'

const progress = {
  '01-first-session': {
    completedStepIds: ['first-visit', 'visit-again'],
    currentStepId: 'another-browser',
  },
  '02-login': { completedStepIds: [] },
}

function file(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, ...fields })
}

describe('serializeProgressFile', () => {
  it('writes a versioned file that says what it is', () => {
    const text = serializeProgressFile(progress, new Date('2030-01-02T03:04:05Z'))
    expect(JSON.parse(text)).toEqual({
      format: 'session-playground-progress',
      version: 1,
      exportedAt: '2030-01-02T03:04:05.000Z',
      lessons: progress,
    })
  })

  it('names the file by the day', () => {
    expect(progressFileName(new Date('2030-01-02T03:04:05Z'))).toBe(
      'session-playground-progress-2030-01-02.json',
    )
  })
})

describe('parseProgressFile', () => {
  it('reads back what was exported', () => {
    expect(parseProgressFile(serializeProgressFile(progress))).toEqual({ ok: true, progress })
  })

  it('lists each completed step once', () => {
    const text = file({ lessons: { '01-a': { completedStepIds: ['x', 'x'] } } })
    expect(parseProgressFile(text)).toEqual({
      ok: true,
      progress: { '01-a': { completedStepIds: ['x'] } },
    })
  })

  describe('when the file is not good progress', () => {
    it.each<[string, string, string]>([
      ['empty', '', 'it is not JSON'],
      ['not JSON', '{oops', 'it is not JSON'],
      ['JSON of something else', '[1, 2, 3]', 'not a progress file exported by Session Playground'],
      [
        'another format',
        JSON.stringify({ format: 'x', version: 1, lessons: {} }),
        'not a progress file',
      ],
      ['without lessons', file({ lessons: undefined }), 'not a progress file'],
      [
        'from another version',
        file({ version: 2, lessons: {} }),
        'version 2; this playground reads version 1',
      ],
      [
        'with a bad lesson id',
        file({ lessons: { 'first session': { completedStepIds: [] } } }),
        'damaged (lessons.first session: ',
      ],
      [
        'with steps that are not a list',
        file({ lessons: { '01-a': { completedStepIds: 'all' } } }),
        'damaged (lessons.01-a.completedStepIds: ',
      ],
      [
        'with an unknown field',
        file({ lessons: { '01-a': { completedStepIds: [], score: 3 } } }),
        'damaged (lessons.01-a: ',
      ],
    ])('refuses a file %s, saying why', (_what, text, reason) => {
      const result = parseProgressFile(text)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toContain(reason)
    })

    it('refuses a file far too big to be progress without parsing it', () => {
      const result = parseProgressFile(' '.repeat(PROGRESS_FILE_MAX_BYTES + 1))
      expect(result).toEqual({ ok: false, error: 'This file is too big to be a progress file.' })
    })
  })
})
