// Module hooks for typescript-imports.mjs (they run on Node's loader thread).
import { readFile } from 'node:fs/promises'

let nativeTypeScript = true

export function initialize(data) {
  nativeTypeScript = data.nativeTypeScript
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context)
  } catch (error) {
    if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier)) {
      return nextResolve(`${specifier}.ts`, context)
    }
    throw error
  }
}

export async function load(url, context, nextLoad) {
  if (nativeTypeScript || !/^file:.*\.[cm]?ts$/.test(url)) return nextLoad(url, context)
  // Only types to erase, as Node's own stripping does: the modules use no TypeScript-only
  // runtime syntax (enums, namespaces, parameter properties).
  const { default: ts } = await import('typescript')
  const { outputText } = ts.transpileModule(await readFile(new URL(url), 'utf8'), {
    fileName: url,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
      inlineSourceMap: true,
    },
  })
  return {
    format: /\.cts$/.test(url) ? 'commonjs' : 'module',
    source: outputText,
    shortCircuit: true,
  }
}
