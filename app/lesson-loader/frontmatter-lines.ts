/**
 * Where in the frontmatter a problem is, as the line an author should look at: the key that is
 * wrong rather than the object around it, and the token a YAML syntax error started at rather
 * than where the YAML parser noticed it (often lines later).
 */
import { isMap, Parser, type CST, type Document, type LineCounter, type YAMLError } from 'yaml'

type Range = [number, number, number]

function rangeOf(node: unknown): Range | undefined {
  return (node as { range?: Range } | null | undefined)?.range ?? undefined
}

/** The range of `key` in the map at `mapPath`, when that map holds it. */
function keyRange(
  document: Document,
  mapPath: ReadonlyArray<PropertyKey>,
  key: PropertyKey,
): Range | undefined {
  const parent = document.getIn(mapPath as unknown[], true)
  if (!isMap(parent)) return undefined
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === key)
  return rangeOf(pair?.key)
}

/**
 * The 1-based line (in the YAML text) of what `path` names: a map entry's key, a sequence item,
 * or, when it is absent (a missing field), its nearest existing parent.
 */
export function lineOf(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const last = path[depth - 1]
    // A field's key, not its value: a block value starts on the lines below it.
    const range =
      (depth > 0 && typeof last === 'string'
        ? keyRange(document, path.slice(0, depth - 1), last)
        : undefined) ?? rangeOf(document.getIn(path.slice(0, depth) as unknown[], true))
    if (range) return lineCounter.linePos(range[0]).line
  }
  return 1
}

const QUOTES: Partial<Record<CST.Token['type'], string>> = {
  'single-quoted-scalar': "'",
  'double-quoted-scalar': '"',
}

/** A quoted scalar without its closing quote, or a flow collection without its closing bracket. */
function isUnclosed(token: CST.Token): boolean {
  const quote = QUOTES[token.type]
  if (quote !== undefined) {
    const source = (token as CST.FlowScalar).source
    return source.length < 2 || !source.endsWith(quote)
  }
  if (token.type === 'flow-collection') {
    return !token.end.some(({ type }) => type === 'flow-map-end' || type === 'flow-seq-end')
  }
  return false
}

function* tokensIn(token: CST.Token | undefined): Generator<CST.Token> {
  if (!token) return
  yield token
  switch (token.type) {
    case 'document':
      yield* tokensIn(token.value)
      break
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      for (const item of token.items) {
        yield* tokensIn(item.key ?? undefined)
        yield* tokensIn(item.value)
      }
      break
  }
}

/**
 * Where the author has to look for a YAML syntax error. An unclosed quote or bracket is only
 * noticed where the text runs out or the indentation gives up, lines later: such errors point
 * back at the opening quote or bracket, the last unclosed one before the error.
 */
export function syntaxErrorOffset(yaml: string, error: YAMLError): number {
  const at = error.pos[0]
  const unclosedQuote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message)
  const unclosedFlow = error.code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(error.message)
  if (!unclosedQuote && !unclosedFlow) return at
  let opening: number | undefined
  for (const root of new Parser().parse(yaml)) {
    for (const token of tokensIn(root)) {
      const kindFits = unclosedQuote ? token.type in QUOTES : token.type === 'flow-collection'
      if (kindFits && token.offset <= at && isUnclosed(token)) {
        if (opening === undefined || token.offset > opening) opening = token.offset
      }
    }
  }
  return opening ?? at
}
