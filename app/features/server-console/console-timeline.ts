/**
 * The server console as a learner reads it: lines printed outside any request stay where they
 * were printed; each request becomes one group under a title like `#3 POST /login → 302`, with
 * what it printed and then why express-session did what it did. Groups sit where the request
 * first printed something, or else where its explanations arrived; newest last.
 */
import { requestTitle } from '../../shared/request-title'
import type { Exchange } from '../../../mocks/client'
import type { Explanation, SourceLocation } from '../../../mocks/server'
import type { ConsoleLine } from '../../state/activity-slice'

export interface RequestGroup {
  kind: 'request'
  key: string
  requestId: number
  title: string
  lines: ConsoleLine[]
  explanations: Explanation[]
}

export type TimelineItem = { kind: 'line'; key: string; line: ConsoleLine } | RequestGroup

export function buildTimeline(
  lines: readonly ConsoleLine[],
  explanations: Readonly<Record<number, readonly Explanation[]>>,
  anchors: Readonly<Record<number, number>>,
  exchanges: readonly Exchange[],
): TimelineItem[] {
  const positioned: Array<{ position: number; item: TimelineItem }> = []
  const groups = new Map<number, { position: number; group: RequestGroup }>()
  const groupFor = (requestId: number, position: number) => {
    let entry = groups.get(requestId)
    if (!entry) {
      const group: RequestGroup = {
        kind: 'request',
        key: `request-${requestId}`,
        requestId,
        title: requestTitle(requestId, exchanges),
        lines: [],
        explanations: [...(explanations[requestId] ?? [])],
      }
      entry = { position, group }
      groups.set(requestId, entry)
    }
    entry.position = Math.min(entry.position, position)
    return entry.group
  }
  for (const line of lines) {
    if (line.requestId === undefined)
      positioned.push({ position: line.id, item: { kind: 'line', key: `line-${line.id}`, line } })
    else groupFor(line.requestId, line.id).lines.push(line)
  }
  for (const key of Object.keys(explanations)) {
    const requestId = Number(key)
    if (!explanations[requestId]?.length) continue
    // Half a step after the line that was last when they arrived: after it, before the next.
    groupFor(requestId, (anchors[requestId] ?? Number.MAX_SAFE_INTEGER) + 0.5)
  }
  for (const { position, group } of groups.values()) positioned.push({ position, item: group })
  return positioned
    .sort(
      (a, b) =>
        a.position - b.position ||
        (a.item.kind === 'request' && b.item.kind === 'request'
          ? a.item.requestId - b.item.requestId
          : 0),
    )
    .map(({ item }) => item)
}

/** `server.js:12:5`: the file's name without folders, then line and column. */
export function formatLocation(location: SourceLocation): string {
  const file = location.file.split('/').at(-1) || location.file
  return `${file}:${location.line}:${location.column}`
}

/** The virtual wall-clock time of a line, `19:09:45`, in UTC as the server's Date header is. */
export function formatClockTime(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(11, 19)
}

/**
 * Where in the learner's code a line points, when it does: the engine's location for crashes
 * and load errors, or else the first frame in a bare-named file (`server.js:7:41`) of a stack
 * trace or a deprecation's `at …`. The realm's own frames have full paths or URLs, so they
 * never match.
 */
export function sourceLocationOf(
  line: Pick<ConsoleLine, 'location' | 'text'>,
): SourceLocation | undefined {
  if (line.location) return line.location
  const match = /(?:\(|\bat )([^()\s/\\:]+\.[cm]?js):(\d+):(\d+)\)?/.exec(line.text)
  if (!match) return undefined
  const [, file = '', lineNumber = '0', column = '0'] = match
  return { file, line: Number(lineNumber), column: Number(column) }
}

/** A multi-line message (a stack trace) as its first line and the rest. */
export function splitFirstLine(text: string): { first: string; rest: string | undefined } {
  const newline = text.indexOf('\n')
  if (newline === -1) return { first: text, rest: undefined }
  const rest = text.slice(newline + 1)
  return { first: text.slice(0, newline), rest: rest.trim() ? rest : undefined }
}
