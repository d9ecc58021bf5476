/** Reads the reasons table of docs/cookie-reasons.md. */

export type ReasonKind = 'set' | 'request'

export interface ReasonRow {
  reason: string
  kind: ReasonKind
  example: string
  /** A corpus case id in backticks, or a note. */
  chromium: string
  sentence: string
}

const KINDS: Record<string, ReasonKind> = {
  'a Set-Cookie line': 'set',
  'a cookie from a request': 'request',
}

/** The rows of the table under `## Every reason`; a row of an unknown kind throws. */
export function reasonRows(doc: string): ReasonRow[] {
  const section = doc.split('## Every reason\n')[1]?.split(/\n## /)[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const [reason = '', blocks = '', example = '', chromium = '', sentence = ''] = line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim())
      const kind = KINDS[blocks]
      if (!kind) throw new Error(`docs/cookie-reasons.md: "${blocks}" is not a kind of reason`)
      return { reason: reason.replaceAll('`', ''), kind, example, chromium, sentence }
    })
}
