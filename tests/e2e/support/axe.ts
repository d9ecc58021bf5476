/**
 * axe-core in the page under test, in any engine: inject it, run it on the whole page or one
 * part, and report the serious and critical violations in words a reader can act on.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Driver } from './driver'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; html: string; failureSummary?: string | undefined }[]
}

/**
 * The serious and critical violations within `selector` (the whole document without one).
 * The simulated browser's page frame holds whatever HTML the learner's server sends: axe checks
 * the frame element (its title) but does not go inside.
 */
export async function seriousViolations(
  browser: Driver,
  selector?: string,
): Promise<AxeViolation[]> {
  // Injected once per document (a reload or a new page needs it again).
  if (!(await browser.evaluate(() => 'axe' in window)))
    await browser.evaluate((source: string) => {
      ;(0, eval)(source)
    }, AXE_SOURCE)
  const violations = await browser.evaluate(async (context: string | null) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe
    const results = (await axe.run(context ? { include: [context] } : document, {
      resultTypes: ['violations'],
      iframes: false,
    })) as { violations: AxeViolation[] }
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }))
  }, selector ?? null)
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
}

/** One line per violation and an indented line per element: "id (impact): help". */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const why = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
          const html = node.html.length > 120 ? `${node.html.slice(0, 120)}…` : node.html
          return `    at ${JSON.stringify(node.target)} ${html}\n      ${why}`
        })
        .join('\n')
      return `${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>\n${nodes}`
    })
    .join('\n')
}
