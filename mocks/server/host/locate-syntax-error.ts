/**
 * V8 does not say where a syntax error is in eval'd code; acorn does. Only a failed load needs
 * it, so the engine imports acorn on demand and the realm every learner downloads stays smaller.
 */
import type { ErrorInfo } from '../realm/realm-types'

export async function locateSyntaxError(
  source: string,
  filename: string,
  error: ErrorInfo,
): Promise<ErrorInfo> {
  const { parse } = await import('acorn')
  const located: ErrorInfo = { ...error }
  try {
    parse(source.replace(/^#!.*/, ''), {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
    })
  } catch (parseError) {
    const loc = (parseError as { loc?: { line: number; column: number } }).loc
    if (loc) located.location = { file: filename, line: loc.line, column: loc.column + 1 }
  }
  const where = located.location
    ? `${filename}:${located.location.line}:${located.location.column}`
    : filename
  located.stack = `${where}\n${located.name}: ${located.message}`
  return located
}
