/** An editCode action's change, taken literally (no `$&`-style patterns). */
export function applyCodeEdit(source: string, edit: { replace: string; with: string }): string {
  const at = source.indexOf(edit.replace)
  return at === -1
    ? source
    : `${source.slice(0, at)}${edit.with}${source.slice(at + edit.replace.length)}`
}
