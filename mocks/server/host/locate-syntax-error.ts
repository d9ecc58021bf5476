/**
 * V8 names a syntax error but does not say where it is in compiled code; acorn does. Node prints
 * V8's span as a header above the error (`server.js:LINE`, the source line, a caret line), so
 * the span V8 would report is rebuilt from acorn's position and the kind of V8 message: each
 * rule below was checked against Node 24's own output (tests/differential, syntax errors). Only
 * a failed load needs this, so the engine imports this module, acorn with it, on demand and the
 * worker every learner downloads stays smaller.
 */
import * as acorn from 'acorn'
import type { Token } from 'acorn'
import type { ErrorInfo } from '../realm/realm-types'

interface AcornFailure {
  message: string
  /** Where acorn's error token starts. */
  pos: number
  /** Where acorn was when it gave up: past the `=` of an assignment it rejects. */
  raisedAt: number
  /** The tokens acorn consumed before the error; the last is the one before the error token. */
  tokens: Token[]
}

type Acorn = typeof acorn

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
    const { pos, raisedAt } = error as { pos?: unknown; raisedAt?: unknown }
    if (typeof pos !== 'number') return undefined
    const raised = typeof raisedAt === 'number' ? raisedAt : pos
    return { message: (error as Error).message, pos, raisedAt: raised, tokens }
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

/** Which token V8's message names: its text (`Unexpected token 'const'`) or its kind. */
function namedToken(v8Message: string): ((text: string, token: Token) => boolean) | undefined {
  const quoted = /^Unexpected (?:token|identifier|(?:strict mode )?reserved word) '(.+)'$/.exec(
    v8Message,
  )
  if (quoted) return (text) => text === quoted[1]
  if (v8Message === 'Unexpected number') return (_text, token) => token.type.label === 'num'
  if (v8Message === 'Unexpected string') return (_text, token) => token.type.label === 'string'
  return undefined
}

/**
 * The first token from `from` on that V8's message names. acorn can stop earlier than V8 (it
 * rejects `express() =` at once; V8 accepts a call as an assignment target while parsing, as
 * browsers must, and fails at the next token), never later for these messages.
 */
function findNamedToken(
  acorn: Acorn,
  source: string,
  from: number,
  v8Message: string,
): [number, number] | undefined {
  const matches = namedToken(v8Message)
  if (!matches) return undefined
  // Read from here, `/` may look like the start of a regex: the named text itself decides.
  const quoted = /'(.+)'$/.exec(v8Message)?.[1]
  if (quoted !== undefined && source.startsWith(quoted, from)) return [from, from + quoted.length]
  // acorn also reads the `}` that ends a template's `${…}` as a token of its own.
  const opened: string[] = []
  try {
    for (const token of acorn.tokenizer(source.slice(from), PARSE_OPTIONS)) {
      const text = source.slice(from + token.start, from + token.end)
      const label = token.type.label
      if (label === '${' || label === '{') opened.push(label)
      const closesTemplatePart = label === '}' && opened.pop() === '${'
      if (!closesTemplatePart && matches(text, token)) {
        return [from + token.start, from + token.end]
      }
    }
  } catch {
    // The rest does not tokenize: keep acorn's position.
  }
  return undefined
}

/**
 * A number run into letters (`3res`, `3edirect`): V8 marks the number as far as it could read
 * it, digits and an exponent's `e`, from where the number starts.
 */
function numberSpan(source: string, pos: number): [number, number] {
  let start = pos
  while (start > 0 && /[\w.]/.test(source[start - 1] ?? '')) start--
  while (start < pos && !/\d/.test(source[start] ?? '')) start++
  const read = /^\d+(?:\.\d*)?(?:e[+-]?)?/i.exec(source.slice(start))?.[0] ?? ''
  return [start, start + Math.max(1, read.length)]
}

/** An assignment target in parentheses, `(req, res) = …`: V8's span includes them. */
function withOpenParens(source: string, start: number, end: number): number {
  const text = source.slice(start, end)
  let unopened = (text.match(/\)/g)?.length ?? 0) - (text.match(/\(/g)?.length ?? 0)
  let at = start
  while (unopened > 0) {
    const open = source.slice(0, at).search(/\(\s*$/)
    if (open === -1) break
    at = open
    unopened--
  }
  return at
}

/** When the last token ends a template literal, where that literal starts: V8 marks it whole. */
function templateStart(tokens: readonly Token[]): number | undefined {
  if (tokens[tokens.length - 1]?.type.label !== '`') return undefined
  let nested = 0
  for (let index = tokens.length - 2; index >= 0; index--) {
    const label = tokens[index]?.type.label
    if (label === '}') nested++
    else if (label === '${' || label === '{') nested--
    else if (label === '`' && nested === 0) return tokens[index]?.start
  }
  return undefined
}

/** How deep in brackets the parser is after these tokens: 0 at the function body's level. */
function bracketDepth(tokens: readonly Token[]): number {
  let depth = 0
  for (const { type } of tokens) {
    if (['{', '(', '[', '${'].includes(type.label)) depth++
    else if (['}', ')', ']'].includes(type.label)) depth--
  }
  return depth
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
    if (/number/i.test(failure.message)) return numberSpan(source, pos)
    return [pos, pos + 1]
  }
  if (v8Message === 'Unexpected template string') {
    // The whole literal, which usually runs over lines: then Node prints no caret line.
    const close = source.indexOf('`', pos + 1)
    return [pos, close === -1 ? source.length : close + 1]
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
    return [templateStart(tokens) ?? previous.start, previous.end]
  }
  // V8 marks the substitution from its `{` to where it stopped making sense.
  if (v8Message === 'Missing } in template expression' && previous) {
    const substitution = tokens.findLast((token) => token.type.label === '${')
    if (substitution) return [substitution.start + 1, previous.end]
  }
  if (v8Message === 'Invalid destructuring assignment target') {
    const target = /^[\w$]+(?:\s*\.\s*[\w$]+)*/.exec(source.slice(pos))?.[0]
    if (target) return [pos, pos + target.length]
  }
  // acorn stands on the name after `#`; V8 marks the `#`.
  if (v8Message.startsWith('Private field') && source[pos - 1] === '#') return [pos - 1, pos]
  // A redeclared name: V8 marks its first character only.
  if (v8Message.endsWith('has already been declared')) return [pos, pos + 1]
  if (v8Message.startsWith('Invalid left-hand side')) {
    const assignment = source.slice(pos).search(/[^=!<>]=(?!=)/)
    if (assignment !== -1) {
      const end = pos + source.slice(pos, pos + assignment + 1).trimEnd().length
      return [withOpenParens(source, pos, end), end]
    }
  }
  const found = findNamedToken(acorn, source, namedTokenSearchStart(failure), v8Message)
  return found ?? [pos, tokenEnd(acorn, source, pos)]
}

/**
 * acorn rejects `express() = …` at the call; V8 accepts a call as an assignment target while
 * parsing, as browsers must, and fails after the `=`.
 */
function namedTokenSearchStart(failure: AcornFailure): number {
  return failure.message.startsWith('Assigning to rvalue') ? failure.raisedAt : failure.pos
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
  const code = source
  const located: ErrorInfo = { ...error }
  // acorn accepts what V8 rejected (rare): no place to point at, so no header either.
  const failure = parseFailure(acorn, code)
  if (!failure) {
    located.stack = `${located.name}: ${located.message}`
    return located
  }
  // A stray `}` at the body's own level closes the function a browser compiles server.js in, so
  // V8 complains about the token after it; Node compiles the body alone and names the brace.
  if (
    failure.message.startsWith('Unexpected token') &&
    code[failure.pos] === '}' &&
    bracketDepth(failure.tokens) === 0
  ) {
    located.message = "Unexpected token '}'"
  }
  // The body ends inside an expression: the `}` V8 then complains about is the compiling
  // function's own, after the end of server.js.
  if (
    located.message === "Unexpected token '}'" &&
    !findNamedToken(acorn, code, namedTokenSearchStart(failure), located.message)
  ) {
    located.message = 'Unexpected end of input'
  }
  const span = v8Span(acorn, code, located.message, failure)
  const { header, line, column } = nodeHeader(code, filename, span)
  located.location = { file: filename, line, column: column + 1 }
  located.stack = `${header}\n${located.name}: ${located.message}`
  return located
}
