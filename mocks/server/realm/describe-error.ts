import { inspect } from 'node-inspect-extracted'
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

/** Reads from a thrown value that may be a Proxy with throwing traps, or have throwing getters. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

function stringProperty(value: object, key: string): string | undefined {
  return safely(() => {
    const property = (value as Record<string, unknown>)[key]
    return typeof property === 'string' ? property : undefined
  }, undefined)
}

/**
 * What Node prints for a thrown value, whatever it is: anything may be thrown, including
 * `Object.create(null)` (no toString) or a Proxy whose every trap throws.
 */
export function describeError(error: unknown): ErrorInfo {
  if (safely(() => error instanceof Error, false)) {
    const thrown = error as Error
    const info: ErrorInfo = {
      name: stringProperty(thrown, 'name') ?? 'Error',
      message: stringProperty(thrown, 'message') ?? '',
    }
    const code = stringProperty(thrown, 'code')
    if (code !== undefined) info.code = code
    const stack = stringProperty(thrown, 'stack')
    if (stack !== undefined) info.stack = cleanStack(stack)
    const location = locateInServerFile(stack)
    if (location) info.location = location
    return info
  }
  return { name: 'Error', message: `Uncaught ${describeValue(error)}` }
}

/** Node's inspect() of a value, or its type where even that throws. */
function describeValue(value: unknown): string {
  return safely(() => inspect(value), `[${typeof value}]`)
}
