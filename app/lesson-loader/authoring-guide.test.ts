import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ACTION_KINDS, CHECK_KINDS, lessonFrontmatterSchema, stepSchema } from './lesson-schema'

const guide = readFileSync(join(import.meta.dirname, '../../lessons/README.md'), 'utf8')

function fieldsOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

function documented(name: string): boolean {
  return guide.includes(`\`${name}\``) || guide.includes(`${name}:`)
}

describe('lessons/README.md, the authoring guide', () => {
  it.each([
    ['the lesson', fieldsOf(lessonFrontmatterSchema)],
    ['a step', fieldsOf(stepSchema)],
  ])('documents every field of %s', (_what, fields) => {
    expect(fields.filter((field) => !documented(field))).toEqual([])
  })

  it.each(Object.entries(ACTION_KINDS))(
    'documents the %s action and its fields',
    (kind, schema) => {
      expect([kind, ...fieldsOf(schema)].filter((name) => !documented(name))).toEqual([])
    },
  )

  it.each(Object.entries(CHECK_KINDS))('documents the %s check and its fields', (kind, schema) => {
    expect([kind, ...fieldsOf(schema)].filter((name) => !documented(name))).toEqual([])
  })
})
