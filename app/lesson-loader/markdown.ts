/**
 * Lesson prose and step instructions, Markdown written by instructors, to HTML that is safe to
 * put in the page: raw HTML in the source is shown as text (never parsed), and links or images
 * may only point at http(s), mailto or a fragment of this app (`#/lessons/02-…`), so a lesson
 * file cannot run script in the learner's tab.
 */
import { Marked, type Tokens } from 'marked'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character)
}

/** Fragments stay in the app; http(s) and mailto leave it. Anything else (javascript:, data:…) is refused. */
export function isSafeHref(href: string): boolean {
  return href.startsWith('#') || /^(?:https?:\/\/|mailto:)/i.test(href)
}

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href)
}

export interface MarkdownOptions {
  /**
   * How many levels to push headings down, so the Markdown's `#` fits under the page's own
   * headings: with 2, `#` becomes `<h3>`. Never deeper than `<h6>`.
   */
  headingOffset?: number
}

function createMarked(headingOffset: number): Marked {
  return new Marked({
    async: false,
    gfm: true,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text)
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(6, depth + headingOffset)
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens)
        if (!isSafeHref(href)) return text
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : ''
        const target = isExternal(href) ? ' target="_blank" rel="noopener noreferrer"' : ''
        return `<a href="${escapeHtml(href)}"${titleAttribute}${target}>${text}</a>`
      },
      code({ text, lang }: Tokens.Code) {
        const language = /^\S+/.exec(lang ?? '')?.[0]
        const className = language ? ` class="language-${escapeHtml(language)}"` : ''
        // A long line scrolls sideways: in the tab order, keyboard users can scroll it too.
        return `<pre tabindex="0"><code${className}>${escapeHtml(text.replace(/\n$/, ''))}\n</code></pre>\n`
      },
      image({ href, title, text }: Tokens.Image) {
        if (!/^https:\/\//i.test(href)) return escapeHtml(text)
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : ''
        return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttribute}>`
      },
    },
  })
}

const renderers = new Map<number, Marked>()

/** Markdown to HTML with raw HTML escaped and unsafe links reduced to their text. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 0
  let marked = renderers.get(offset)
  if (!marked) {
    marked = createMarked(offset)
    renderers.set(offset, marked)
  }
  return marked.parse(source, { async: false })
}
