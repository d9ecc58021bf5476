/**
 * Runs a lesson's server.js as Node runs a CommonJS module: wrapped in a function that receives
 * exports, require, module, __filename and __dirname (plus this realm's Node globals), with the
 * wrapper on the same line as the code so that line numbers in stack traces are the file's own.
 */
import { lookupModule, availableModules } from './module-registry'
import { describeError, setServerFile } from './describe-error'
import { evaluateExpression, leadingColumns } from './evaluate-expression'
import realmGlobal from './realm-global'
import { BROWSER_ONLY_NAMES, WebSocket, navigator } from './node-compat/web-globals'
import { fetch } from './no-network-fetch'
import process from './node-compat/process'
import * as timers from './node-compat/timers'
import console from './instrument/console'
import { Buffer } from 'buffer'
import type { ErrorInfo } from './realm-types'

const APP_DIRECTORY = '/app'

export const GLOBAL_PARAMETERS = {
  process,
  Buffer,
  console,
  global: realmGlobal,
  globalThis: realmGlobal,
  Date: timers.VirtualDate,
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  setImmediate: timers.setImmediate,
  clearImmediate: timers.clearImmediate,
  queueMicrotask: timers.queueMicrotask,
  navigator,
  fetch,
  WebSocket,
  // Free identifiers resolve past the realm's global object to the worker's own scope: what a
  // browser worker has and Node lacks is shadowed here, so `typeof indexedDB` is 'undefined'.
  ...Object.fromEntries(BROWSER_ONLY_NAMES.map((name) => [name, undefined])),
}

// Globals go to an outer function so that server code may still declare its own `Buffer` or
// `process` (`const { Buffer } = require('buffer')`), as it can on Node where they are globals.
const WRAPPER_HEAD = `(function (${Object.keys(GLOBAL_PARAMETERS).join(', ')}) { return function (exports, require, module, __filename, __dirname) {`

export interface LoadedModule {
  exports: unknown
}

function moduleNotFound(specifier: string, filename: string): Error {
  const isRelative = /^\.{0,2}\//.test(specifier)
  const hint = isRelative
    ? 'A lesson server is a single file; only packages can be required.'
    : `Modules available in the playground: ${availableModules().join(', ')}.`
  const error = new Error(
    `Cannot find module '${specifier}'\nRequire stack:\n- ${APP_DIRECTORY}/${filename}\n${hint}`,
  ) as Error & { code: string; requireStack: string[] }
  error.code = 'MODULE_NOT_FOUND'
  error.requireStack = [`${APP_DIRECTORY}/${filename}`]
  return error
}

function createRequire(filename: string, module: { exports: unknown }) {
  const require = (specifier: unknown) => {
    if (typeof specifier !== 'string' || specifier === '') {
      const error = new TypeError(
        `The argument 'id' must be a non-empty string. Received ${JSON.stringify(specifier)}`,
      ) as TypeError & { code: string }
      error.code = 'ERR_INVALID_ARG_VALUE'
      throw error
    }
    const found = lookupModule(specifier)
    if (!found.found) throw moduleNotFound(specifier, filename)
    return found.exports
  }
  return Object.assign(require, {
    resolve: (specifier: string) => {
      if (!lookupModule(specifier).found) throw moduleNotFound(specifier, filename)
      return specifier
    },
    cache: {},
    main: module,
  })
}

export type LoadOutcome = { ok: true; module: LoadedModule } | { ok: false; error: ErrorInfo }

const CJS_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'] as const

/**
 * V8's message for a syntax error, as Node's loader would get it: Node compiles the body alone
 * (vm.compileFunction), while the wrapper below lets an unclosed `{` borrow the wrapper's braces
 * ("missing ) after argument list" instead of "Unexpected end of input"). `new Function` parses
 * its body as a function body of its own and compiles it without running anything.
 */
function syntaxErrorOf(body: string): SyntaxError | undefined {
  try {
    new Function(...CJS_PARAMETERS, body)
    return undefined
  } catch (error) {
    return error instanceof SyntaxError ? error : undefined
  }
}

export function loadCommonJs(source: string, filename: string): LoadOutcome {
  setServerFile(filename, source, leadingColumns() + WRAPPER_HEAD.length)
  const body = source.replace(/^#!.*/, '')
  // The engine locates syntax errors, with acorn loaded only then (locate-syntax-error.ts).
  const syntaxError = syntaxErrorOf(body)
  if (syntaxError)
    return { ok: false, error: { name: 'SyntaxError', message: syntaxError.message } }
  let compiled: (...args: unknown[]) => unknown
  try {
    const withGlobals = evaluateExpression(`${WRAPPER_HEAD}${body}\n}})`, filename) as (
      ...globals: unknown[]
    ) => typeof compiled
    compiled = withGlobals(...Object.values(GLOBAL_PARAMETERS))
  } catch (error) {
    if (error instanceof SyntaxError) {
      return { ok: false, error: { name: 'SyntaxError', message: error.message } }
    }
    return { ok: false, error: describeError(error) }
  }

  const module = {
    id: '.',
    path: APP_DIRECTORY,
    filename: `${APP_DIRECTORY}/${filename}`,
    loaded: false,
    children: [],
    paths: [`${APP_DIRECTORY}/node_modules`],
    exports: {} as unknown,
    require: undefined as unknown,
  }
  const require = createRequire(filename, module)
  module.require = require
  try {
    compiled.call(
      module.exports,
      module.exports,
      require,
      module,
      `${APP_DIRECTORY}/${filename}`,
      APP_DIRECTORY,
    )
  } catch (error) {
    return { ok: false, error: describeError(error) }
  }
  module.loaded = true
  return { ok: true, module }
}
