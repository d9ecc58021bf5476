/**
 * How much of server.js a lesson lets the learner change. Pure, so the lesson parser (which
 * checks the markers and the steps' code edits) and the editor (which enforces it) agree.
 */

/** Text that marks the editable part of server.js: the lines after `from`'s up to `to`'s. */
export interface EditableMarkers {
  from: string
  to: string
}

/** `true`: all of server.js; `false`: none of it; markers: only the lines between them. */
export type CodeEditPolicy = boolean | EditableMarkers

/** A range of offsets into the source, `start` inclusive, `end` exclusive. */
export interface SourceRange {
  start: number
  end: number
}

/**
 * The editable part of `source`: from the start of the line after the one holding `from` to the
 * start of the line holding the first `to` after it. Undefined when either marker is missing.
 */
export function findEditableRange(
  source: string,
  markers: EditableMarkers,
): SourceRange | undefined {
  const fromAt = source.indexOf(markers.from)
  if (fromAt === -1) return undefined
  const lineEnd = source.indexOf('\n', fromAt + markers.from.length)
  if (lineEnd === -1) return undefined
  const start = lineEnd + 1
  const toAt = source.indexOf(markers.to, start)
  if (toAt === -1) return undefined
  const end = source.lastIndexOf('\n', toAt) + 1
  return end < start ? undefined : { start, end }
}

/** Whether `[from, to)` lies inside `range`; an insertion at either edge counts as inside. */
export function isInsideRange(range: SourceRange, from: number, to: number): boolean {
  return from >= range.start && to <= range.end
}

/** The sentence that says what the learner may edit, for the editor's hint. */
export function describeEditPolicy(policy: CodeEditPolicy): string {
  if (policy === true)
    return 'Run restarts the server with this code; your edits are kept in this browser.'
  if (policy === false)
    return 'This lesson shows server.js as it is: read it, the lesson does not ask you to change it.'
  return `In this lesson you may edit the lines between “${policy.from.trim()}” and “${policy.to.trim()}”; the rest of server.js stays as it is. Run restarts the server with your change.`
}
