import type { ErrorInfo, SourceLocation } from './realm-types'

/** The file name under which the learner's server code is evaluated (see commonjs-loader.ts). */
export const SERVER_FILE_PATTERN = /([\w.-]+\.js):(\d+):(\d+)/

let serverFileName = 'server.js'
let serverSourceLines: string[] = []
let firstLineColumnOffset = 0

/** The loader tells us the server file's name, its text, and how far its wrapper shifts line 1. */
export function setServerFile(fileName: string, source: string, lineOneOffset: number): void {
  serverFileName = fileName
  serverSourceLines = source.split(/\r?\n/)
  firstLineColumnOffset = lineOneOffset
}

/**
 * The frame Node prints above an uncaught exception: file:line, the source line and a caret
 * under the throw (V8 points at the `throw` statement; the stack points at `new Error`).
 */
export function codeFrame(location: SourceLocation): string | undefined {
  const line = serverSourceLines[location.line - 1]
  if (line === undefined) return undefined
  const beforeColumn = line.slice(0, Math.max(0, location.column - 1))
  const throwAt = /\bthrow\s+$/.exec(beforeColumn)
  const caretColumn = throwAt ? throwAt.index : location.column - 1
  return `${location.file}:${location.line}\n${line}\n${' '.repeat(caretColumn)}^\n`
}

/** The first stack frame that points into the learner's server file. */
export function locateInServerFile(stack: string | undefined): SourceLocation | undefined {
  if (!stack) return undefined
  const marker = `${serverFileName}:`
  for (const line of stack.split('\n')) {
    const at = line.indexOf(marker)
    if (at === -1) continue
    const match = /^(\d+):(\d+)/.exec(line.slice(at + marker.length))
    if (!match) continue
    const lineNumber = Number(match[1])
    let column = Number(match[2])
    if (lineNumber === 1) column -= firstLineColumnOffset
    return { file: serverFileName, line: lineNumber, column }
  }
  return undefined
}

/** Rewrites `server.js:1:<col>` frames so that columns on line 1 ignore the CommonJS wrapper. */
export function cleanStack(stack: string): string {
  if (firstLineColumnOffset === 0) return stack
  const pattern = new RegExp(`${escapeRegExp(serverFileName)}:1:(\\d+)`, 'g')
  return stack.replace(
    pattern,
    (_all, column: string) => `${serverFileName}:1:${Number(column) - firstLineColumnOffset}`,
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: error.name, message: error.message }
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string') info.code = code
    if (typeof error.stack === 'string') info.stack = cleanStack(error.stack)
    const location = locateInServerFile(error.stack)
    if (location) info.location = location
    return info
  }
  return {
    name: 'Error',
    message: `Uncaught ${typeof error === 'string' ? `'${error}'` : String(error)}`,
  }
}
