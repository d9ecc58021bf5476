/**
 * Redis's glob for KEYS and SCAN MATCH: `*`, `?`, `[abc]`, `[^a]`, `[a-z]` and `\` to take the
 * next character literally. A regular expression would need its own escaping of every one of
 * these, so the pattern is walked directly, as Redis does.
 */
export function globMatches(pattern: string, text: string): boolean {
  return matchFrom(pattern, 0, text, 0)
}

function matchFrom(pattern: string, p: number, text: string, t: number): boolean {
  while (p < pattern.length) {
    const char = pattern[p]
    if (char === '*') {
      while (pattern[p + 1] === '*') p++
      if (p + 1 === pattern.length) return true
      for (let from = t; from <= text.length; from++) {
        if (matchFrom(pattern, p + 1, text, from)) return true
      }
      return false
    }
    if (t >= text.length) return false
    if (char === '?') {
      p++
      t++
      continue
    }
    if (char === '[') {
      const { matched, end } = matchClass(pattern, p + 1, text[t] ?? '')
      if (!matched) return false
      p = end + 1
      t++
      continue
    }
    if (char === '\\' && p + 1 < pattern.length) p++
    if (pattern[p] !== text[t]) return false
    p++
    t++
  }
  return t === text.length
}

/** A `[...]` class starting after its `[`; `end` is the index of its `]` (or the last index). */
function matchClass(
  pattern: string,
  start: number,
  char: string,
): { matched: boolean; end: number } {
  let p = start
  const negated = pattern[p] === '^'
  if (negated) p++
  let matched = false
  while (p < pattern.length && pattern[p] !== ']') {
    if (pattern[p] === '\\' && p + 1 < pattern.length) {
      p++
      if (pattern[p] === char) matched = true
    } else if (pattern[p + 1] === '-' && p + 2 < pattern.length && pattern[p + 2] !== ']') {
      let low = pattern[p] ?? ''
      let high = pattern[p + 2] ?? ''
      if (low > high) [low, high] = [high, low]
      if (char >= low && char <= high) matched = true
      p += 2
    } else if (pattern[p] === char) matched = true
    p++
  }
  // An unterminated class ends at the pattern's last character, as in Redis.
  return { matched: negated ? !matched : matched, end: Math.min(p, pattern.length - 1) }
}
