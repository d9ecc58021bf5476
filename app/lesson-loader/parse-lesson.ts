/**
 * Reads one lesson folder's files into a Lesson, or into every problem found, each with file,
 * line and field — never just the first. Pure: the app feeds it files found by Vite, the
 * lessons:check script feeds it files read from disk.
 */
import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import {
  ACTION_KINDS,
  actionSchema,
  CHECK_EXTRAS,
  CHECK_KINDS,
  checkSchema,
  lessonFrontmatterSchema,
  type LessonFrontmatter,
  type LessonStep,
} from './lesson-schema.ts'
import { applyCodeEdit } from './code-edit.ts'
import { withTitledLabel } from './check-labels.ts'
import {
  findEditableRange,
  isInsideRange,
  type CodeEditPolicy,
  type EditableMarkers,
} from './editable-region.ts'
import type { LessonProblem } from './lesson-problem.ts'
import { findTakeaway, proseWithoutTitle } from './lesson-prose.ts'
import { lineOf, syntaxErrorOffset } from './frontmatter-lines.ts'
import { renderMarkdown } from './markdown.ts'

export type { LessonProblem }

export interface Lesson {
  /** The folder name, e.g. `01-first-session`: stable, used in deep links and progress. */
  id: string
  number: number
  title: string
  summary: string
  /** What of server.js the learner may edit (see editable-region.ts). */
  editable: CodeEditPolicy
  /** Server instances behind the load balancer. */
  instances: number
  steps: RenderedStep[]
  /**
   * The Markdown after the frontmatter as HTML, without a `# Title` that repeats the lesson's:
   * rendered when the site is built, so the browser needs no Markdown parser.
   */
  proseHtml: string
  /** The prose's `**Takeaway:**` paragraph as HTML, repeated when the lesson is done. */
  takeawayHtml: string | undefined
  serverSource: string
}

/** A step with its instructions rendered to HTML, as the player shows them. */
export type RenderedStep = LessonStep & { instructionsHtml: string }

export type ParsedLesson =
  { ok: true; lesson: Lesson } | { ok: false; id: string; problems: LessonProblem[] }

export interface LessonFiles {
  /** Folder name under lessons/, e.g. `01-first-session`. */
  folder: string
  /** Contents of lesson.md, or undefined when the file is missing. */
  markdown: string | undefined
  /** Contents of server.js, or undefined when the file is missing. */
  serverSource: string | undefined
}

export interface ParseOptions {
  /**
   * The explanation codes the engine knows, each with its short title: checks naming other codes
   * are reported, and an explanation check without a label is labelled with its code's title.
   */
  explanationTitles?: Readonly<Record<string, string>>
  /** The lessons folder as problem reports name it. Default `lessons`. */
  lessonsPath?: string
}

const FOLDER_PATTERN = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/

function splitFrontmatter(markdown: string): { yaml: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown)
  if (!match) return undefined
  return { yaml: match[1] ?? '', body: markdown.slice(match[0].length) }
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  )
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key],
    root,
  )
}

/**
 * zod reports a failed union as one vague issue. An action or check names its kind by its key,
 * so validate it against that kind and report what is actually wrong with it.
 */
function unionIssues(
  issue: z.core.$ZodIssue,
  data: unknown,
): Array<{ path: PropertyKey[]; message: string; at?: PropertyKey[] }> {
  const path = [...issue.path]
  const value = valueAt(data, path)
  const isCheck = path.includes('checks')
  const kinds: Record<string, z.ZodType> = isCheck ? CHECK_KINDS : ACTION_KINDS
  const noun = isCheck ? 'check' : 'action'
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path, message: `expected a ${noun} object such as { ${Object.keys(kinds)[0]}: … }` }]
  }
  const keys = Object.keys(value).filter((key) => !(isCheck && key in CHECK_EXTRAS))
  const known = keys.filter((key) => key in kinds)
  if (known.length !== 1) {
    const unknown = keys.filter((key) => !(key in kinds))
    const found = unknown.length
      ? `unknown ${noun} "${unknown.join('", "')}"`
      : `${known.length} ${noun} kinds in one entry`
    // At the first key that is wrong: an entry may start with its label or hint.
    const culprit = unknown[0] ?? known[1]
    return [
      {
        path,
        message: `${found}; use exactly one of: ${Object.keys(kinds).join(', ')}`,
        ...(culprit === undefined ? {} : { at: [...path, culprit] }),
      },
    ]
  }
  const kind = known[0] as string
  const result = (kinds[kind] as z.ZodType).safeParse((value as Record<string, unknown>)[kind])
  if (result.success) {
    const extra = keys.filter((key) => key !== kind)
    return [
      {
        path,
        message: `unexpected key "${extra.join('", "')}" beside ${kind}`,
        at: [...path, extra[0] as string],
      },
    ]
  }
  return result.error.issues.map((inner) => ({
    path: [...path, kind, ...inner.path],
    message: inner.message,
  }))
}

type Report = (path: PropertyKey[], message: string, at?: PropertyKey[]) => void

/** zod's message for a key it does not know, and where the key belongs when it is a known one. */
function misplacedKeyMessage(path: ReadonlyArray<PropertyKey>, key: string): string {
  const message = `Unrecognized key: "${key}"`
  const isStepOrAction = path[0] === 'steps' && (path.length === 2 || path[2] === 'do')
  if (isStepOrAction && key in CHECK_EXTRAS) {
    return `${message}: a ${key} belongs to a check, indented under its entry in checks`
  }
  return message
}

function validateFrontmatter(data: unknown, report: Report): LessonFrontmatter | undefined {
  const result = lessonFrontmatterSchema.safeParse(data)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    if (issue.code === 'invalid_union') {
      for (const { path, message, at } of unionIssues(issue, data)) report(path, message, at)
    } else if (issue.code === 'unrecognized_keys') {
      // One problem per key, each at the key's own line; the field stays the enclosing object.
      for (const key of issue.keys) {
        report([...issue.path], misplacedKeyMessage(issue.path, key), [...issue.path, key])
      }
    } else {
      report([...issue.path], issue.message)
    }
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function entriesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/**
 * The checks that need more than the schema: unique step ids, editCode replacements that
 * occur in server.js, tamperCookie's conditional fields, known explanation codes. They run on
 * the raw frontmatter, entry by entry, so that they are reported in the same run as the
 * format problems of the entries around them; an entry the schema rejects is skipped (the
 * schema already reported it).
 */
function checkSemantics(
  data: unknown,
  serverSource: string | undefined,
  options: ParseOptions,
  report: (path: PropertyKey[], message: string) => void,
): void {
  const seen = new Set<string>()
  const policy = editPolicyOf(data)
  if (isMarkers(policy) && serverSource !== undefined && !findEditableRange(serverSource, policy))
    report(
      ['editable'],
      `marks no lines of server.js: it needs a line holding "${policy.from}" and, after it, a line holding "${policy.to}"`,
    )
  // Edits apply one after another, so each is checked against the code the ones before left
  // (an edit that cannot be read or applied leaves the code as it was).
  let currentSource = serverSource
  const steps = isRecord(data) ? entriesOf(data.steps) : []
  steps.forEach((step, stepIndex) => {
    if (!isRecord(step)) return
    if (typeof step.id === 'string') {
      if (seen.has(step.id))
        report(['steps', stepIndex, 'id'], `step id "${step.id}" is used twice`)
      seen.add(step.id)
    }
    entriesOf(step.do).forEach((entry, actionIndex) => {
      const parsed = actionSchema.safeParse(entry)
      if (!parsed.success) return
      const action = parsed.data
      if ('editCode' in action && currentSource !== undefined) {
        const count = currentSource.split(action.editCode.replace).length - 1
        const outside = count === 1 && editOutsidePolicy(currentSource, action.editCode, policy)
        if (outside) {
          report(['steps', stepIndex, 'do', actionIndex, 'editCode', 'replace'], outside)
        } else if (count === 1) {
          currentSource = applyCodeEdit(currentSource, action.editCode)
        } else {
          report(
            ['steps', stepIndex, 'do', actionIndex, 'editCode', 'replace'],
            `must occur exactly once in server.js as the earlier steps leave it (found ${count})`,
          )
        }
      }
      if ('tamperCookie' in action) {
        const { how, id, secret } = action.tamperCookie
        if (how === 'change-id' && !id)
          report(
            ['steps', stepIndex, 'do', actionIndex, 'tamperCookie', 'id'],
            'change-id needs the new id',
          )
        if (how === 'resign' && !secret)
          report(
            ['steps', stepIndex, 'do', actionIndex, 'tamperCookie', 'secret'],
            'resign needs a secret',
          )
      }
    })
    entriesOf(step.checks).forEach((entry, checkIndex) => {
      const parsed = checkSchema.safeParse(entry)
      const titles = options.explanationTitles
      if (!parsed.success || !titles) return
      const check = parsed.data
      if ('explanation' in check && !Object.hasOwn(titles, check.explanation.code)) {
        report(
          ['steps', stepIndex, 'checks', checkIndex, 'explanation', 'code'],
          `unknown explanation code "${check.explanation.code}"`,
        )
      }
      if (check.label !== undefined && Object.hasOwn(titles, check.label.trim())) {
        report(
          ['steps', stepIndex, 'checks', checkIndex, 'label'],
          `"${check.label}" is an internal explanation code: say in words what the learner should see`,
        )
      }
    })
  })
}

function editPolicyOf(data: unknown): CodeEditPolicy {
  const parsed = lessonFrontmatterSchema.shape.editable.safeParse(
    isRecord(data) ? data.editable : undefined,
  )
  return parsed.success ? parsed.data : true
}

function isMarkers(policy: CodeEditPolicy): policy is EditableMarkers {
  return typeof policy === 'object'
}

/** Why a step's code edit is one the learner could not make by hand, if it is. */
function editOutsidePolicy(
  source: string,
  edit: { replace: string },
  policy: CodeEditPolicy,
): string | undefined {
  if (policy === true) return undefined
  if (policy === false)
    return 'server.js is read-only in this lesson (editable: false), so no step can edit it'
  const range = findEditableRange(source, policy)
  if (!range) return undefined
  const at = source.indexOf(edit.replace)
  return isInsideRange(range, at, at + edit.replace.length)
    ? undefined
    : `changes code outside the editable lines (between "${policy.from}" and "${policy.to}")`
}

export function parseLesson(files: LessonFiles, options: ParseOptions = {}): ParsedLesson {
  const { folder } = files
  const folderPath = `${options.lessonsPath ?? 'lessons'}/${folder}`
  const lessonFile = `${folderPath}/lesson.md`
  const problems: LessonProblem[] = []
  const folderMatch = FOLDER_PATTERN.exec(folder)
  if (!folderMatch) {
    problems.push({
      file: folderPath,
      line: 1,
      field: 'folder',
      message: 'name lesson folders NN-slug, e.g. 03-login-form',
    })
  }
  if (files.serverSource === undefined) {
    problems.push({
      file: `${folderPath}/server.js`,
      line: 1,
      field: 'server.js',
      message: 'every lesson needs a server.js',
    })
  }
  if (files.markdown === undefined) {
    problems.push({
      file: lessonFile,
      line: 1,
      field: 'lesson.md',
      message: 'every lesson needs a lesson.md',
    })
    return { ok: false, id: folder, problems }
  }
  const parts = splitFrontmatter(files.markdown)
  if (!parts) {
    problems.push({
      file: lessonFile,
      line: 1,
      field: 'frontmatter',
      message: 'lesson.md must start with a --- fenced YAML frontmatter block',
    })
    return { ok: false, id: folder, problems }
  }

  // Line 1 of the YAML is line 2 of the file, after the opening ---.
  const lineCounter = new LineCounter()
  const document = parseDocument(parts.yaml, { lineCounter, prettyErrors: false })
  for (const error of document.errors) {
    const { line } = lineCounter.linePos(syntaxErrorOffset(parts.yaml, error))
    problems.push({
      file: lessonFile,
      line: line + 1,
      field: 'frontmatter',
      message: error.message.split('\n')[0] ?? 'invalid YAML',
    })
  }
  if (document.errors.length) return { ok: false, id: folder, problems }

  const data: unknown = document.toJS()
  const frontmatterProblems: LessonProblem[] = []
  const report: Report = (path, message, at = path) =>
    frontmatterProblems.push({
      file: lessonFile,
      line: lineOf(document, lineCounter, at) + 1,
      field: fieldName(path) || 'frontmatter',
      message,
    })
  // Format and semantic problems in one run, in the order of the file (the sort is stable).
  const frontmatter = validateFrontmatter(data, report)
  checkSemantics(data, files.serverSource, options, report)
  problems.push(...frontmatterProblems.sort((a, b) => a.line - b.line))
  if (problems.length || !frontmatter) return { ok: false, id: folder, problems }

  const prose = parts.body.trim()
  const takeaway = findTakeaway(prose)
  return {
    ok: true,
    lesson: {
      id: folder,
      number: Number(folderMatch?.[1] ?? 0),
      title: frontmatter.title,
      summary: frontmatter.summary,
      editable: frontmatter.editable,
      instances: frontmatter.instances,
      steps: frontmatter.steps.map((step) => ({
        ...step,
        checks: step.checks.map((check) => withTitledLabel(check, options.explanationTitles)),
        instructionsHtml: renderMarkdown(step.instructions, { headingOffset: 3 }),
      })),
      proseHtml: renderMarkdown(proseWithoutTitle(prose, frontmatter.title), { headingOffset: 2 }),
      takeawayHtml:
        takeaway === undefined ? undefined : renderMarkdown(`**Takeaway:** ${takeaway}`),
      serverSource: files.serverSource ?? '',
    },
  }
}
