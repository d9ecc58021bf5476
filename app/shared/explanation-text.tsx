/**
 * Explanation sentences mark code with backticks (`connect.sid`); this renders those spans as
 * <code>. Shared by the network log and the server console.
 */
export interface TextSegment {
  code: boolean
  text: string
}

/** Splits a sentence on backticks; an unmatched backtick is kept as text. */
export function splitInlineCode(sentence: string): TextSegment[] {
  const parts = sentence.split('`')
  if (parts.length % 2 === 0) return [{ code: false, text: sentence }]
  return parts
    .map((text, index) => ({ code: index % 2 === 1, text }))
    .filter((segment) => segment.text !== '')
}

export function ExplanationText({ sentence }: { sentence: string }) {
  return (
    <>
      {splitInlineCode(sentence).map((segment, index) =>
        segment.code ? <code key={index}>{segment.text}</code> : segment.text,
      )}
    </>
  )
}
