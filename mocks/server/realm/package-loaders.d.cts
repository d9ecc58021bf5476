declare const packageLoaders: Record<string, () => unknown>
export = packageLoaders
