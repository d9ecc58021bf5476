/**
 * V8 names a syntax error but does not say where it is in compiled code; acorn does. Node prints
 * V8's span as a header above the error (`server.js:LINE`, the source line, a caret line), so
 * the span V8 would report is rebuilt from acorn's position and the kind of V8 message: each
 * rule below was checked against Node 24's own output (tests/differential, syntax errors). Only
 * a failed load needs this, so the engine imports acorn on demand and the realm every learner
 * downloads stays smaller.
 */
import type * as AcornModule from 'acorn'
import type { Token } from 'acorn'
import type { ErrorInfo } from '../realm/realm-types'

interface AcornFailure {
  message: string
  /** Where acorn's error token starts. */
  pos: number
  /** The tokens acorn consumed before the error; the last is the one before the error token. */
  tokens: Token[]
}

type Acorn = typeof AcornModule

const PARSE_OPTIONS = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowHashBang: true,
} as const

function parseFailure(acorn: Acorn, source: string): AcornFailure | undefined {
  const tokens: Token[] = []
  try {
    acorn.parse(source, { ...PARSE_OPTIONS, onToken: tokens })
    return undefined
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos
    if (typeof pos !== 'number') return undefined
    return { message: (error as Error).message, pos, tokens }
  }
}

/** The end of the token that starts at `start`. */
function tokenEnd(acorn: Acorn, source: string, start: number): number {
  try {
    const first = acorn.tokenizer(source.slice(start), PARSE_OPTIONS).getToken()
    if (first.end > 0) return start + first.end
  } catch {
    // Not a token on its own (an unterminated literal): one character, as V8 marks it.
  }
  return start + 1
}

function lineEnd(source: string, from: number): number {
  const end = source.slice(from).search(/\r?\n/)
  return end === -1 ? source.length : from + end
}

/** A regex literal's span: V8's message quotes it, `/pattern/flags`, right after its prefix. */
function regexSpan(source: string, start: number, message: string): [number, number] {
  const quoted = message.slice('Invalid regular expression: '.length)
  for (let end = lineEnd(source, start); end > start; end--) {
    if (quoted.startsWith(`${source.slice(start, end)}: `)) return [start, end]
  }
  return [start, start + 1]
}

/** Where V8 puts the error whose message it gave, as [start, end) offsets into the source. */
function v8Span(
  acorn: Acorn,
  source: string,
  v8Message: string,
  failure: AcornFailure,
): [number, number] {
  const { pos, tokens } = failure
  const previous = tokens[tokens.length - 1]
  if (v8Message === 'Unexpected end of input') return [source.length, source.length]
  if (v8Message === 'Invalid or unexpected token') {
    if (failure.message.startsWith('Unterminated string')) return [pos, lineEnd(source, pos)]
    if (failure.message.startsWith('Unterminated comment')) return [pos, source.length]
    return [pos, pos + 1]
  }
  // acorn stands on the pattern, just after the opening slash.
  if (v8Message === 'Invalid regular expression flags') return [pos - 1, pos]
  if (v8Message.startsWith('Invalid regular expression: ')) {
    return regexSpan(source, pos - 1, v8Message)
  }
  if (v8Message.startsWith('await is only valid')) {
    // acorn reads `await` as an identifier in a plain function and stops at the next token.
    const awaitToken = tokens.findLast((token) => source.slice(token.start, token.end) === 'await')
    if (awaitToken) return [awaitToken.start, awaitToken.end]
  }
  // V8 marks the argument (or binding) before the token that should have been `)` (or `=`).
  if (
    (v8Message === 'missing ) after argument list' ||
      v8Message.startsWith('Missing initializer')) &&
    previous
  ) {
    return [previous.start, previous.end]
  }
  // A redeclared name: V8 marks its first character only.
  if (v8Message.endsWith('has already been declared')) return [pos, pos + 1]
  if (v8Message.startsWith('Invalid left-hand side')) {
    const assignment = source.slice(pos).search(/[^=!<>]=(?!=)/)
    if (assignment !== -1)
      return [pos, pos + source.slice(pos, pos + assignment + 1).trimEnd().length]
  }
  return [pos, tokenEnd(acorn, source, pos)]
}

/**
 * Node's header above a syntax error (node_errors.cc, GetErrorSource): `file:line`, the line,
 * then spaces (tabs kept) up to the error and a caret under each character of it; no caret line
 * when the span runs past the end of the line.
 */
function nodeHeader(
  source: string,
  filename: string,
  [start, end]: [number, number],
): { header: string; line: number; column: number } {
  const before = source.slice(0, start)
  const line = before.split('\n').length
  const lineStart = before.lastIndexOf('\n') + 1
  const sourceLine = source.slice(lineStart, lineEnd(source, lineStart))
  const column = start - lineStart
  let header = `${filename}:${line}\n${sourceLine}\n`
  if (column + (end - start) <= sourceLine.length) {
    const indent = sourceLine.slice(0, column).replace(/[^\t]/g, ' ')
    header += `${indent}${'^'.repeat(end - start)}\n`
  }
  return { header, line, column }
}

export async function locateSyntaxError(
  source: string,
  filename: string,
  error: ErrorInfo,
): Promise<ErrorInfo> {
  const acorn = await import('acorn')
  const code = source
  const located: ErrorInfo = { ...error }
  const failure = parseFailure(acorn, code)
  if (!failure) {
    located.stack = `${filename}\n\n${located.name}: ${located.message}`
    return located
  }
  // A stray `}` closes the function a browser compiles server.js in, so V8 complains about the
  // token after it; Node compiles the body alone and names the brace.
  if (failure.message.startsWith('Unexpected token') && code[failure.pos] === '}') {
    located.message = "Unexpected token '}'"
  }
  const span = v8Span(acorn, code, located.message, failure)
  const { header, line, column } = nodeHeader(code, filename, span)
  located.location = { file: filename, line, column: column + 1 }
  located.stack = `${header}\n${located.name}: ${located.message}`
  return located
}
