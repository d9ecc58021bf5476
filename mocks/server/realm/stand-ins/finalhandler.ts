/**
 * finalhandler, the real package, with one thing of Node's added: an error's stack that starts
 * with its `Name: message` line.
 *
 * Express answers an error with `err.stack` (the error page; its log line prints the error the
 * same way). In Node, and in V8, the stack's first line is `TypeError: Cannot read…`. SpiderMonkey
 * (Firefox) and JavaScriptCore (Safari) list the frames only, so a learner there saw an error page
 * without the error. Before the real handler runs, such a stack gets the line Node would have.
 */
// The real module by a name the alias for the bare one (vite.realm.config.ts) leaves alone.
import realFinalhandler from 'finalhandler/index.js'

/**
 * A frame in SpiderMonkey's and JavaScriptCore's format: `name@url:line:column`, or a bare `@`
 * for evaluated code. V8's first line is `Name: message`, whose name never holds a space or `@`.
 */
const ENGINE_FRAME = /^[^\s(]*@/

/** Gives `error` Node's first stack line when its engine wrote frames only; V8's stays as is. */
export function withMessageLine(error: unknown): void {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return
  const firstLine = error.stack.split('\n', 1)[0] ?? ''
  if (firstLine !== '' && !ENGINE_FRAME.test(firstLine)) return
  const stack = firstLine === '' ? String(error) : `${String(error)}\n${error.stack}`
  try {
    Object.defineProperty(error, 'stack', {
      value: stack,
      writable: true,
      configurable: true,
      enumerable: false,
    })
  } catch {
    // A frozen error keeps the stack its engine gave it.
  }
}

type Finalhandler = typeof realFinalhandler

function finalhandler(...args: Parameters<Finalhandler>): ReturnType<Finalhandler> {
  const done = realFinalhandler(...args)
  return (error?: unknown) => {
    withMessageLine(error)
    return done(error)
  }
}

// What `require('finalhandler')` in Express returns: the function itself, as the package's own.
export { finalhandler as 'module.exports' }
