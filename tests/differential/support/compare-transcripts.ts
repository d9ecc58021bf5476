/**
 * Compares the normalized Node and simulated transcripts step by step and describes every
 * difference as a line diff (`- node`, `+ simulated`) under the step it happened in.
 */
import type { NormalizedStep } from './normalize'

type DiffLine = { kind: ' ' | '-' | '+'; text: string }

/** A longest-common-subsequence line diff; transcripts are small. */
function diffLines(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const rows = expected.length
  const columns = actual.length
  const common: number[][] = Array.from({ length: rows + 1 }, () =>
    new Array<number>(columns + 1).fill(0),
  )
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const row = common[i] as number[]
      row[j] =
        expected[i] === actual[j]
          ? (common[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const diff: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < rows || j < columns) {
    if (i < rows && j < columns && expected[i] === actual[j]) {
      diff.push({ kind: ' ', text: expected[i++] as string })
      j++
    } else if (
      j < columns &&
      (i === rows || (common[i]?.[j + 1] ?? 0) >= (common[i + 1]?.[j] ?? 0))
    ) {
      diff.push({ kind: '+', text: actual[j++] as string })
    } else {
      diff.push({ kind: '-', text: expected[i++] as string })
    }
  }
  return diff
}

/** Renders a transcript for reading (used in failure messages and for debugging). */
export function renderTranscript(steps: readonly NormalizedStep[]): string {
  return steps
    .map((step) => [step.title, ...step.lines.map((line) => `    ${line}`)].join('\n'))
    .join('\n')
}

/** Undefined when both sides agree; otherwise a readable report naming each differing step. */
export function describeDifferences(
  scenario: string,
  node: readonly NormalizedStep[],
  sim: readonly NormalizedStep[],
): string | undefined {
  const reports: string[] = []
  const count = Math.max(node.length, sim.length)
  for (let index = 0; index < count; index++) {
    const expected = node[index]
    const actual = sim[index]
    const title = expected?.title ?? actual?.title ?? `step ${index}`
    const diff = diffLines(expected?.lines ?? [], actual?.lines ?? [])
    if (diff.every((line) => line.kind === ' ')) continue
    reports.push(
      [
        `step ${title}:`,
        ...diff
          .filter((line, at) =>
            // Keep changed lines and one line of context around them.
            [at - 1, at, at + 1].some((near) => diff[near] && diff[near].kind !== ' '),
          )
          .map((line) => `  ${line.kind} ${line.text}`),
      ].join('\n'),
    )
  }
  if (reports.length === 0) return undefined
  return [
    `scenario "${scenario}": Node (-) and the simulated runtime (+) differ in ${reports.length} step(s)`,
    ...reports,
  ].join('\n\n')
}
