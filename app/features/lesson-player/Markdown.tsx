import { useMemo } from 'react'
import { renderMarkdown, type MarkdownOptions } from './markdown'

/** Instructor-written Markdown, rendered by markdown.ts (raw HTML escaped, links checked). */
export function Markdown({
  source,
  className,
  ...options
}: { source: string; className?: string } & MarkdownOptions) {
  const { headingOffset } = options
  const html = useMemo(
    () => renderMarkdown(source, headingOffset === undefined ? {} : { headingOffset }),
    [source, headingOffset],
  )
  return (
    <div
      className={className ? `lp-markdown ${className}` : 'lp-markdown'}
      // Safe: markdown.ts escapes every piece of raw HTML and refuses unsafe URLs.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
