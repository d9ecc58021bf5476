/**
 * Reading a lesson's prose for the player. Lessons end their prose with a paragraph that starts
 * `**Takeaway:**` (see lessons/01-first-session/lesson.md); the player repeats it when the lesson
 * is done.
 */

/** The takeaway paragraph's Markdown, without its `**Takeaway:**` label, if the prose has one. */
export function findTakeaway(prose: string): string | undefined {
  const match = /(?:^|\n)[ \t]*\*\*Takeaway:?\*\*:?[ \t]*([\s\S]*?)(?=\n[ \t]*\n|$)/i.exec(prose)
  const takeaway = match?.[1]?.trim()
  return takeaway || undefined
}

/** The prose without a leading `# Title` that repeats the lesson title the player already shows. */
export function proseWithoutTitle(prose: string, title: string): string {
  const match = /^#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(prose)
  if (!match || match[1]?.trim() !== title.trim()) return prose
  return prose.slice(match[0].length).trimStart()
}
