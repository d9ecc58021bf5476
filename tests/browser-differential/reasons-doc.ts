/** Reads the reason tables of docs/cookie-reasons.md. */

export const SET_COOKIE_TABLE = 'Set-Cookie lines the browser refuses'
export const REQUEST_TABLE = 'Cookies a request does not carry'

export interface ReasonRow {
  reason: string
  example: string
  chromium: string
  sentence: string
}

/** The rows of the table under a `## heading`. */
export function reasonRows(doc: string, heading: string): ReasonRow[] {
  const section = doc.split(`## ${heading}\n`)[1]?.split(/\n## /)[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const [reason = '', example = '', chromium = '', sentence = ''] = line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim())
      return { reason: reason.replaceAll('`', ''), example, chromium, sentence }
    })
}
