/**
 * The progress file: what "Export progress" downloads and "Import progress" reads back. The file
 * is untrusted input (edited by hand, from another version, not ours at all), so reading it never
 * throws: it yields the progress or one sentence saying what is wrong with the file.
 */
import * as z from 'zod/mini'
import {
  normalizeProgress,
  PROGRESS_VERSION,
  progressSchema,
  type Progress,
} from '../../state/progress-slice'

export const PROGRESS_FILE_FORMAT = 'session-playground-progress'

/** A progress file is a few kilobytes; anything far bigger is not one. */
export const PROGRESS_FILE_MAX_BYTES = 1_000_000

const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.int(),
  exportedAt: z.optional(z.string()),
  lessons: z.unknown(),
})

export function serializeProgressFile(progress: Progress, now: Date = new Date()): string {
  const file = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    lessons: progress,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

export function progressFileName(now: Date = new Date()): string {
  return `session-playground-progress-${now.toISOString().slice(0, 10)}.json`
}

export type ProgressFileResult = { ok: true; progress: Progress } | { ok: false; error: string }

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return ['lessons', ...path.map(String)].join('.')
}

export function parseProgressFile(text: string): ProgressFileResult {
  if (text.length > PROGRESS_FILE_MAX_BYTES)
    return { ok: false, error: 'This file is too big to be a progress file.' }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, error: 'This file is not a progress file: it is not JSON.' }
  }
  const file = progressFileSchema.safeParse(data)
  if (!file.success)
    return {
      ok: false,
      error: 'This file is not a progress file exported by Session Playground.',
    }
  if (file.data.version !== PROGRESS_VERSION)
    return {
      ok: false,
      error: `This progress file is version ${file.data.version}; this playground reads version ${PROGRESS_VERSION}.`,
    }
  const lessons = progressSchema.safeParse(file.data.lessons)
  if (!lessons.success) {
    const [issue] = lessons.error.issues
    const where = issue ? `${fieldName(issue.path)}: ${issue.message}` : 'lessons'
    return { ok: false, error: `This progress file is damaged (${where}).` }
  }
  return { ok: true, progress: normalizeProgress(lessons.data) }
}
