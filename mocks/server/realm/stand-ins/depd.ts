/**
 * Stands in for `depd` (whose browser build is silent). Prints what Node's depd prints —
 * `<UTC date> <namespace> deprecated <message> at server.js:LINE:COL`, once per message and
 * calling site — as a deprecation event, honouring NO_DEPRECATION, process.noDeprecation and
 * `process.on('deprecation')` listeners like the original.
 */
import process from '../node-compat/process'
import { locateInServerFile } from '../describe-error'
import { emitEvent } from '../event-sink'

type Deprecate = ((message: string) => void) & {
  function: <F extends (...args: never[]) => unknown>(fn: F, message?: string) => F
  property: (target: object, property: string, message?: string) => void
  _namespace: string
}

function isIgnored(namespace: string): boolean {
  if (process.noDeprecation) return true
  const setting = process.env.NO_DEPRECATION ?? ''
  return setting
    .split(/[ ,]+/)
    .some((entry) => entry === '*' || entry.toLowerCase() === namespace.toLowerCase())
}

function createDeprecate(namespace: string): Deprecate {
  const warned = new Set<string>()

  function log(message: string): void {
    const location = locateInServerFile(new Error().stack)
    const site = location ? `${location.file}:${location.line}:${location.column}` : ''
    const key = `${message}\u0000${site}`
    if (warned.has(key)) return
    warned.add(key)

    if (process.listenerCount('deprecation') > 0) {
      const error = new Error(message)
      error.name = 'DeprecationError'
      Object.assign(error, { namespace })
      process.emit('deprecation', error)
      return
    }
    if (isIgnored(namespace)) return

    const text = `${new Date().toUTCString()} ${namespace} deprecated ${message}${site ? ` at ${site}` : ''}`
    emitEvent({ kind: 'deprecation', namespace, message, text })
  }

  const deprecate = ((message: string) => log(message)) as Deprecate
  deprecate._namespace = namespace
  deprecate.function = (fn, message) => {
    const wrapped = function (this: unknown, ...args: never[]) {
      log(message ?? `${fn.name || 'function'}`)
      return fn.apply(this, args)
    }
    return wrapped as unknown as typeof fn
  }
  deprecate.property = (target, property, message) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, property)
    if (!descriptor || !descriptor.configurable) return
    let value: unknown = descriptor.value
    Object.defineProperty(target, property, {
      configurable: true,
      enumerable: descriptor.enumerable ?? true,
      get() {
        log(message ?? property)
        return descriptor.get ? descriptor.get.call(this) : value
      },
      set(next: unknown) {
        log(message ?? property)
        if (descriptor.set) descriptor.set.call(this, next)
        else value = next
      },
    })
  }
  return deprecate
}

function depd(namespace: string): Deprecate {
  if (!namespace) throw new TypeError('argument namespace is required')
  return createDeprecate(namespace)
}

export { depd as 'module.exports' }
