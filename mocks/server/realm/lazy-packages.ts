/**
 * Packages that reach the realm as source, from a lazy chunk the host loaded before server.js
 * ran (today: `pg` and the real connect-pg-simple, see host/services/postgres.ts). Each is
 * evaluated once per realm as a CommonJS module, with the realm's globals, under its own
 * `__dirname`; its `fs` serves the package's own files read-only, and every other path still
 * answers ENOENT, as the realm's `fs` does.
 */
import { host } from '../runtime/realm-host'
import { GLOBAL_PARAMETERS } from '../runtime/commonjs-loader'
import realmFs from '../node-compat/fs'
import { nextTick } from '../node-compat/timers'
import type { LazyPackage } from '../host/services/postgres'

const evaluated = new Map<string, unknown>()

type Require = (specifier: string) => unknown

function packageFs(pkg: LazyPackage): Record<string, unknown> {
  const fileAt = (path: unknown): string | undefined => {
    const prefix = `${pkg.directory}/`
    if (typeof path !== 'string' || !path.startsWith(prefix)) return undefined
    const name = path.slice(prefix.length)
    return Object.hasOwn(pkg.files, name) ? pkg.files[name] : undefined
  }
  const fallback = realmFs as Record<string, (...args: unknown[]) => unknown>
  const fallbackPromises = realmFs.promises as Record<string, (...args: unknown[]) => unknown>
  return {
    ...realmFs,
    readFileSync: (path: unknown, ...rest: unknown[]) =>
      fileAt(path) ?? fallback.readFileSync?.(path, ...rest),
    readFile: (path: unknown, ...rest: unknown[]) => {
      const text = fileAt(path)
      const callback = rest.findLast((arg) => typeof arg === 'function') as
        ((error: Error | null, data?: string) => void) | undefined
      if (text === undefined || !callback) return fallback.readFile?.(path, ...rest)
      nextTick(() => callback(null, text))
      return undefined
    },
    promises: {
      ...fallbackPromises,
      readFile: (path: unknown, ...rest: unknown[]) => {
        const text = fileAt(path)
        return text === undefined
          ? fallbackPromises.readFile?.(path, ...rest)
          : Promise.resolve(text)
      },
    },
  }
}

/** The exports of a lazy package, or undefined when the host has none of that name. */
export function lazyPackage(name: string, lookup: Require): { exports: unknown } | undefined {
  if (evaluated.has(name)) return { exports: evaluated.get(name) }
  const pkg = host.lazyPackages?.[name]
  if (!pkg) return undefined
  const fs = packageFs(pkg)
  const require: Require = (specifier) => {
    if (specifier === 'fs' || specifier === 'node:fs') return fs
    if (specifier === '#postgres') return host.postgres
    return lookup(specifier)
  }
  const module = { exports: {} as unknown }
  const head = `(function (${Object.keys(GLOBAL_PARAMETERS).join(', ')}) { return function (exports, require, module, __filename, __dirname) {`
  const code = `${head}${pkg.source}\n}})\n//# sourceURL=${pkg.directory}/index.js`
  const indirectEval = globalThis.eval
  const withGlobals = indirectEval(code) as (...globals: unknown[]) => (...args: unknown[]) => void
  // Cached before it runs, as Node's module cache is, so a require cycle ends.
  evaluated.set(name, module.exports)
  withGlobals(...Object.values(GLOBAL_PARAMETERS)).call(
    module.exports,
    module.exports,
    require,
    module,
    `${pkg.directory}/index.js`,
    pkg.directory,
  )
  evaluated.set(name, module.exports)
  return { exports: module.exports }
}
