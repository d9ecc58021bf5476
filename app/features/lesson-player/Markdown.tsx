/**
 * Instructor-written Markdown, rendered to HTML when the site was built (see
 * lesson-loader/markdown.ts: raw HTML escaped, links checked).
 */
export function Markdown({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={className ? `lp-markdown ${className}` : 'lp-markdown'}
      // Safe: markdown.ts escaped every piece of raw HTML and refused unsafe URLs.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
