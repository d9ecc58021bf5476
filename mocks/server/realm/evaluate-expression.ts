/**
 * How the realm turns source text (server.js, a lazy package) into a value: one expression,
 * named by a `//# sourceURL` so that stack frames show the file Node would.
 *
 * A host may evaluate it as a script of its own (RealmHost.evaluateScript); the script then hands
 * the value back through a global function, called on the expression's own line, so the columns
 * of line 1 shift by the call's head.
 */
import { host } from './realm-host'

const DELIVER = '__sessionPlaygroundDeliver'

/** How many characters stand before the expression on its first line, once evaluated. */
export function leadingColumns(): number {
  return host.evaluateScript ? DELIVER.length + 1 : 0
}

export function evaluateExpression(expression: string, sourceUrl: string): unknown {
  const sourceUrlLine = `\n//# sourceURL=${sourceUrl}`
  if (host.evaluateScript)
    return host.evaluateScript(`${DELIVER}(${expression})${sourceUrlLine}`, DELIVER)
  const indirectEval = globalThis.eval
  return indirectEval(`${expression}${sourceUrlLine}`)
}
